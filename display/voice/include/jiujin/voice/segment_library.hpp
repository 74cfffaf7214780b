#pragma once
// The recordings of the segments, ready to be joined: trimmed of silence and converted to
// the announcement format. A hall's own recordings override the generated ones by name.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "jiujin/voice/expected.hpp"
#include "jiujin/voice/pcm.hpp"

namespace jiujin::voice {

class SegmentLibrary {
 public:
  /// Loads every *.wav of `folders`; a name found in an earlier folder wins, so pass the
  /// hall's own recordings first and the generated ones last. Missing folders are skipped;
  /// an unreadable file is an error naming it.
  static Expected<SegmentLibrary> load(const std::vector<std::filesystem::path>& folders);

  /// Adds or replaces a segment (trimmed and converted like a loaded one).
  void insert(const std::string& name, const Pcm& recording);

  const Pcm* find(const std::string& name) const;
  bool contains(const std::string& name) const { return find(name) != nullptr; }
  std::size_t size() const { return segments_.size(); }
  /// Where each segment came from ("" for inserted ones).
  std::filesystem::path sourceOf(const std::string& name) const;

 private:
  std::map<std::string, Pcm> segments_;
  std::map<std::string, std::filesystem::path> sources_;
};

}  // namespace jiujin::voice
