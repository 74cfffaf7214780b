#include "jiujin/voice/segment_library.hpp"

#include "jiujin/voice/wav.hpp"

#include <algorithm>
#include <system_error>

namespace jiujin::voice {

Expected<SegmentLibrary> SegmentLibrary::load(const std::vector<std::filesystem::path>& folders) {
  SegmentLibrary library;
  for (const auto& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".wav") files.push_back(entry.path());
    }
    if (ec) return VoiceError{"cannot list " + folder.string() + ": " + ec.message()};
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const auto name = file.stem().string();
      if (library.contains(name)) continue;  // an earlier folder overrides this one
      auto pcm = readWav(file);
      if (!pcm) return pcm.error();
      library.insert(name, pcm.value());
      library.sources_[name] = file;
    }
  }
  return library;
}

void SegmentLibrary::insert(const std::string& name, const Pcm& recording) {
  segments_[name] = trimSilence(resample(recording, kAnnouncementSampleRate));
  sources_[name].clear();
}

const Pcm* SegmentLibrary::find(const std::string& name) const {
  const auto it = segments_.find(name);
  return it == segments_.end() ? nullptr : &it->second;
}

std::filesystem::path SegmentLibrary::sourceOf(const std::string& name) const {
  const auto it = sources_.find(name);
  return it == sources_.end() ? std::filesystem::path{} : it->second;
}

}  // namespace jiujin::voice
