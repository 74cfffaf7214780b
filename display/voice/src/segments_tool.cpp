// jiujin-voice-segments: makes the default segment recordings (run by the build), and can
// write one composed announcement to a WAV file to listen to.
//   jiujin-voice-segments --out DIR [--no-english] [--overwrite]
//   jiujin-voice-segments --out DIR --say A001 3 [--recall] [--english] --wav call.wav
#include <QCoreApplication>
#include <cstdio>
#include <string>

#include "jiujin/voice/announcement_composer.hpp"
#include "jiujin/voice/segment_generator.hpp"
#include "jiujin/voice/wav.hpp"

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "jiujin-voice-segments: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  using namespace jiujin::voice;
  std::string out;
  std::string wav;
  std::string ticket;
  int window = 0;
  GeneratorOptions options;
  AnnouncementStyle style;
  bool recall = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--out" && hasValue) out = argv[++i];
    else if (arg == "--wav" && hasValue) wav = argv[++i];
    else if (arg == "--say" && i + 2 < argc) { ticket = argv[++i]; window = std::atoi(argv[++i]); }
    else if (arg == "--no-english") options.english = false;
    else if (arg == "--overwrite") options.overwrite = true;
    else if (arg == "--recall") recall = true;
    else if (arg == "--english") style.english = true;
    else return fail("unknown or incomplete option " + arg);
  }
  if (out.empty()) return fail("--out DIR is required");
  auto made = generateSegments(out, options);
  if (!made) return fail(made.error().message);
  if (ticket.empty()) return 0;
  if (wav.empty()) return fail("--say needs --wav FILE");
  auto library = SegmentLibrary::load({out});
  if (!library) return fail(library.error().message);
  auto pcm = AnnouncementComposer(style).compose(Call{ticket, window, recall}, library.value());
  if (!pcm) return fail(pcm.error().message);
  auto written = writeWav(wav, pcm.value());
  if (!written) return fail(written.error().message);
  std::printf("%s: %lld ms\n", wav.c_str(), static_cast<long long>(pcm.value().duration().count()));
  return 0;
}
