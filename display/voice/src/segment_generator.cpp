#include "jiujin/voice/segment_generator.hpp"

#include <QProcess>
#include <fstream>
#include <map>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include "jiujin/voice/segment_catalog.hpp"

namespace jiujin::voice {
namespace {

constexpr int kEspeakTimeoutMs = 20'000;
// How each segment of a folder was made; a segment whose recipe changed (another voice, other
// text, another speed) is remade, so a cache filled by an older version does not keep, say,
// E recorded as yì.
constexpr const char* kRecipeFile = "recipes.txt";

std::string recipeOf(const Segment& segment, const GeneratorOptions& options) {
  return std::string(espeakVoice(segment)) + " " + std::to_string(options.wordsPerMinute) + " " + segment.spoken;
}

std::map<std::string, std::string> readRecipes(const std::filesystem::path& folder) {
  std::map<std::string, std::string> recipes;
  std::ifstream in(folder / kRecipeFile);
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) recipes[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return recipes;
}

Expected<bool> writeRecipes(const std::filesystem::path& folder, const std::map<std::string, std::string>& recipes) {
  std::ofstream out(folder / kRecipeFile, std::ios::trunc);
  for (const auto& [name, recipe] : recipes) out << name << '\t' << recipe << '\n';
  out.close();
  if (!out) return VoiceError{"cannot write " + (folder / kRecipeFile).string()};
  return true;
}

Expected<std::filesystem::path> speak(const Segment& segment, const std::filesystem::path& file,
                                      const GeneratorOptions& options) {
  QProcess espeak;
  espeak.setProgram(QString::fromStdString(options.espeak));
  espeak.setArguments({"-v", QString::fromUtf8(espeakVoice(segment).data()),
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
  auto recipes = readRecipes(folder);
  for (const auto& segment : segmentCatalog()) {
    if (segment.language == Language::English && !options.english) continue;
    const auto file = folder / (segment.name + ".wav");
    const auto recipe = recipeOf(segment, options);
    if (!options.overwrite && recipes[segment.name] == recipe && std::filesystem::exists(file, ec)) continue;
    // Write beside the target and rename, so an interrupted run never leaves half a file.
    const auto partial = folder / (segment.name + ".wav.part");
    auto made = speak(segment, partial, options);
    if (!made) return made.error();
    std::filesystem::rename(partial, file, ec);
    if (ec) return VoiceError{"cannot rename " + partial.string() + ": " + ec.message()};
    written.push_back(file);
    recipes[segment.name] = recipe;
  }
  if (!written.empty()) {
    if (auto saved = writeRecipes(folder, recipes); !saved) return saved.error();
  }
  return written;
}

std::filesystem::path defaultSegmentCache() {
  const auto cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
  return std::filesystem::path(cache.toStdString()) / "jiujin" / "voice";
}

}  // namespace jiujin::voice
