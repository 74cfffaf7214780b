#pragma once
// Makes the default recordings of the segments with espeak-ng, offline: at build time (the
// jiujin-voice-segments tool run by CMake) or on first run into a cache folder.
#include <filesystem>
#include <string>
#include <vector>

#include "jiujin/voice/expected.hpp"

namespace jiujin::voice {

struct GeneratorOptions {
  std::string espeak = "espeak-ng";  ///< the program, found on PATH unless absolute
  int wordsPerMinute = 165;  // brisker than the default; slower is hard to follow when joined
  bool english = true;  ///< also make the English segments
  bool overwrite = false;  ///< remake segments that exist already
};

/// Writes <folder>/<segment>.wav for every catalog segment that is missing or was made by
/// another recipe (voice, speed or text, kept in <folder>/recipes.txt), or all with
/// `overwrite`. Returns the files it wrote; the first failure stops it and is returned.
Expected<std::vector<std::filesystem::path>> generateSegments(const std::filesystem::path& folder,
                                                             const GeneratorOptions& options = {});

/// The folder generated segments are cached in when none was made at build time:
/// $XDG_CACHE_HOME/jiujin/voice (or ~/.cache/jiujin/voice).
std::filesystem::path defaultSegmentCache();

}  // namespace jiujin::voice
