#include "jiujin/voice/segment_generator.hpp"

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include "jiujin/voice/segment_catalog.hpp"

namespace jiujin::voice {
namespace {

constexpr int kEspeakTimeoutMs = 20'000;

Expected<std::filesystem::path> speak(const Segment& segment, const std::filesystem::path& file,
                                      const GeneratorOptions& options) {
  QProcess espeak;
  espeak.setProgram(QString::fromStdString(options.espeak));
  espeak.setArguments({"-v", QString::fromUtf8(espeakVoice(segment.language).data()),
                       "-s", QString::number(options.wordsPerMinute),
                       "-w", QString::fromStdString(file.string()),
                       QString::fromStdString(segment.spoken)});
  espeak.start();
  if (!espeak.waitForStarted(kEspeakTimeoutMs)) {
    return VoiceError{"cannot start " + options.espeak + ": " + espeak.errorString().toStdString()};
  }
  if (!espeak.waitForFinished(kEspeakTimeoutMs)) {
    espeak.kill();
    espeak.waitForFinished();
    return VoiceError{options.espeak + " did not finish segment " + segment.name};
  }
  if (espeak.exitStatus() != QProcess::NormalExit || espeak.exitCode() != 0) {
    return VoiceError{options.espeak + " failed on segment " + segment.name + ": " +
                      espeak.readAllStandardError().trimmed().toStdString()};
  }
  return file;
}

}  // namespace

Expected<std::vector<std::filesystem::path>> generateSegments(const std::filesystem::path& folder,
                                                             const GeneratorOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return VoiceError{"cannot create " + folder.string() + ": " + ec.message()};
  std::vector<std::filesystem::path> written;
  for (const auto& segment : segmentCatalog()) {
    if (segment.language == Language::English && !options.english) continue;
    const auto file = folder / (segment.name + ".wav");
    if (!options.overwrite && std::filesystem::exists(file, ec)) continue;
    // Write beside the target and rename, so an interrupted run never leaves half a file.
    const auto partial = folder / (segment.name + ".wav.part");
    auto made = speak(segment, partial, options);
    if (!made) return made.error();
    std::filesystem::rename(partial, file, ec);
    if (ec) return VoiceError{"cannot rename " + partial.string() + ": " + ec.message()};
    written.push_back(file);
  }
  return written;
}

std::filesystem::path defaultSegmentCache() {
  const auto cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
  return std::filesystem::path(cache.toStdString()) / "jiujin" / "voice";
}

}  // namespace jiujin::voice
