#include "jiujin/voice/announcement_composer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "jiujin/voice/chime.hpp"

namespace jiujin::voice {
namespace {

constexpr std::string_view kTicketSlot = "{ticket}";
constexpr std::string_view kWindowSlot = "{window}";
// Separators between phrases; the comma-like ones also pause.
constexpr std::array<std::string_view, 4> kCommas = {",", "，", "、", ";"};
constexpr std::array<std::string_view, 4> kFullStops = {".", "。", "!", "！"};

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void append(std::vector<Piece>& to, const std::vector<Piece>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

/// The longest phrase of `language` that `text` starts with.
const Segment* longestPhraseAt(std::string_view text, Language language) {
  const Segment* best = nullptr;
  for (const auto& s : segmentCatalog()) {
    if (s.language != language || s.phrase.empty()) continue;
    // Letters are only spoken inside ticket numbers; in a template they would be ambiguous.
    if (s.name.find("_letter_") != std::string::npos || s.name.find("_digit_") != std::string::npos) continue;
    const auto phrase = language == Language::English ? lowered(s.phrase) : s.phrase;
    if (text.substr(0, phrase.size()) == phrase && (!best || phrase.size() > best->phrase.size())) best = &s;
  }
  return best;
}

template <std::size_t N>
std::size_t startsWithAny(std::string_view text, const std::array<std::string_view, N>& marks) {
  for (const auto m : marks) {
    if (text.substr(0, m.size()) == m) return m.size();
  }
  return 0;
}

}  // namespace

Expected<std::vector<Piece>> ticketNumberPieces(const std::string& ticketNumber, Language language,
                                                std::chrono::milliseconds afterLetters) {
  if (ticketNumber.empty()) return VoiceError{"the ticket number is empty"};
  std::vector<Piece> out;
  bool previousWasLetter = false;
  for (const char c : ticketNumber) {
    const auto uc = static_cast<unsigned char>(c);
    std::optional<std::string> name;
    const bool letter = std::isalpha(uc) != 0;
    if (std::isdigit(uc)) name = digitSegment(language, c - '0');
    else if (letter) name = letterSegment(language, c);
    if (!name) return VoiceError{"ticket number \"" + ticketNumber + "\" has a character that cannot be spoken"};
    if (previousWasLetter && !letter && afterLetters.count() > 0) out.push_back(Piece::gap(afterLetters));
    out.push_back(Piece::word(*name));
    previousWasLetter = letter;
  }
  return out;
}

Expected<std::vector<Piece>> windowNumberPieces(int window, Language language) {
  if (window <= 0) return VoiceError{"window number " + std::to_string(window) + " cannot be announced"};
  const auto digit = [language](int d) { return Piece::word(*digitSegment(language, d)); };
  std::vector<Piece> out;
  if (language == Language::Mandarin && window < 100) {
    const int tens = window / 10;
    const int units = window % 10;
    if (tens > 1) out.push_back(digit(tens));
    if (tens > 0) out.push_back(Piece::word(tenSegment()));
    if (units > 0 || tens == 0) out.push_back(digit(units));
    return out;
  }
  for (const char c : std::to_string(window)) out.push_back(digit(c - '0'));
  return out;
}

AnnouncementComposer::AnnouncementComposer(AnnouncementStyle style) : style_(std::move(style)) {}

Expected<std::vector<Piece>> AnnouncementComposer::sentence(const Call& call, Language language) const {
  const auto& t = style_.templates;
  const std::string& pattern = language == Language::Mandarin ? (call.recall ? t.mandarinRecall : t.mandarin)
                                                              : (call.recall ? t.englishRecall : t.english);
  const std::string text = language == Language::English ? lowered(pattern) : pattern;
  std::vector<Piece> out;
  std::string_view rest = text;
  while (!rest.empty()) {
    if (rest.substr(0, kTicketSlot.size()) == kTicketSlot) {
      auto ticket = ticketNumberPieces(call.ticketNumber, language, style_.letterGap);
      if (!ticket) return ticket.error();
      append(out, ticket.value());
      rest.remove_prefix(kTicketSlot.size());
    } else if (rest.substr(0, kWindowSlot.size()) == kWindowSlot) {
      auto window = windowNumberPieces(call.window, language);
      if (!window) return window.error();
      append(out, window.value());
      rest.remove_prefix(kWindowSlot.size());
    } else if (const auto n = startsWithAny(rest, kCommas)) {
      out.push_back(Piece::gap(style_.commaGap));
      rest.remove_prefix(n);
    } else if (const auto m = startsWithAny(rest, kFullStops)) {
      rest.remove_prefix(m);
    } else if (rest.front() == ' ') {
      rest.remove_prefix(1);
    } else if (const Segment* phrase = longestPhraseAt(rest, language)) {
      out.push_back(Piece::word(phrase->name));
      rest.remove_prefix(phrase->phrase.size());
    } else {
      return VoiceError{"template \"" + pattern + "\" has text without a recording: \"" + std::string(rest) + "\""};
    }
  }
  return out;
}

Expected<std::vector<Piece>> AnnouncementComposer::pieces(const Call& call) const {
  auto mandarin = sentence(call, Language::Mandarin);
  if (!mandarin) return mandarin.error();
  std::vector<Piece> out;
  if (style_.chime) {
    out.push_back(Piece::word(kChimeSegment));
    out.push_back(Piece::gap(style_.chimeGap));
  }
  const int repeats = call.brief ? 1 : std::max(1, style_.repeats);
  for (int i = 0; i < repeats; ++i) {
    if (i > 0) out.push_back(Piece::gap(style_.sentenceGap));
    append(out, mandarin.value());
  }
  if (style_.english) {
    auto english = sentence(call, Language::English);
    if (!english) return english.error();
    out.push_back(Piece::gap(style_.sentenceGap));
    append(out, english.value());
  }
  return out;
}

Expected<Pcm> AnnouncementComposer::render(const std::vector<Piece>& pieces, const SegmentLibrary& library) const {
  Pcm out;
  bool previousWasWord = false;
  const auto add = [&out](const Pcm& more) { out.samples.insert(out.samples.end(), more.samples.begin(), more.samples.end()); };
  for (const auto& piece : pieces) {
    if (piece.isPause()) {
      add(silence(piece.pause));
      previousWasWord = false;
      continue;
    }
    const Pcm* recording = library.find(piece.segment);
    if (!recording && piece.segment == kChimeSegment) {
      static const Pcm madeChime = makeChime();
      recording = &madeChime;
    }
    if (!recording) return VoiceError{"no recording for segment \"" + piece.segment + "\""};
    if (previousWasWord) add(silence(style_.wordGap));
    add(*recording);
    previousWasWord = true;
  }
  return out;
}

Expected<Pcm> AnnouncementComposer::compose(const Call& call, const SegmentLibrary& library) const {
  auto p = pieces(call);
  if (!p) return p.error();
  return render(p.value(), library);
}

}  // namespace jiujin::voice

namespace jiujin::voice {

namespace {
std::string replacedAll(std::string text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}
}  // namespace

AnnouncementTemplates templatesFromHallFile(const std::string& zh, const std::string& en) {
  AnnouncementTemplates t;
  t.mandarin = replacedAll(zh, "{number}", kTicketSlot);
  t.mandarinRecall = "再次呼叫，" + t.mandarin;
  t.english = replacedAll(en, "{number}", kTicketSlot);
  t.englishRecall = "calling again, " + t.english;
  return t;
}

std::optional<VoiceError> checkTemplates(const AnnouncementStyle& style) {
  const AnnouncementComposer composer(style);
  for (const bool recall : {false, true}) {
    const Call sample{"A001", 12, recall};
    if (auto mandarin = composer.sentence(sample, Language::Mandarin); !mandarin) return mandarin.error();
    if (auto english = composer.sentence(sample, Language::English); !english) return english.error();
  }
  return std::nullopt;
}

}  // namespace jiujin::voice
