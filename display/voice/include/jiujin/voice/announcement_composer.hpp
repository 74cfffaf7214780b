#pragma once
// Turns a call into what the hall hears: "请A零零一号到三号窗口办理", said twice, optionally
// followed by English. Pure: the same call and style always give the same segments and sound.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/voice/expected.hpp"
#include "jiujin/voice/pcm.hpp"
#include "jiujin/voice/segment_catalog.hpp"
#include "jiujin/voice/segment_library.hpp"

namespace jiujin::voice {

/// A ticket called to a window.
struct Call {
  std::string ticketNumber;  ///< "A001"
  int window = 0;            ///< the number over the window
  bool recall = false;       ///< the clerk called it again
  /// Said once, whatever the style's repeats: other calls are waiting behind it, and saying
  /// each once reaches more of them before they are too late to say.
  bool brief = false;
  bool operator==(const Call&) const = default;
};

/// One step of an announcement: a recorded word, or a pause.
struct Piece {
  std::string segment;  ///< empty for a pause
  std::chrono::milliseconds pause{0};

  static Piece word(std::string name) { return Piece{std::move(name), {}}; }
  static Piece gap(std::chrono::milliseconds length) { return Piece{{}, length}; }
  bool isPause() const { return segment.empty(); }
  bool operator==(const Piece&) const = default;
};

/// Sentences with {ticket} and {window} placeholders. The rest must be phrases that have
/// a segment ("请", "号", "到", "窗口办理", "再次呼叫"; "number", "please go to window",
/// "calling again"); commas become short pauses.
struct AnnouncementTemplates {
  std::string mandarin = "请{ticket}号到{window}号窗口办理";
  std::string mandarinRecall = "再次呼叫，请{ticket}号到{window}号窗口办理";
  std::string english = "number {ticket}, please go to window {window}";
  std::string englishRecall = "calling again, number {ticket}, please go to window {window}";
};

struct AnnouncementStyle {
  AnnouncementTemplates templates;
  int repeats = 2;       ///< times the Mandarin sentence is said
  bool english = false;  ///< say the English sentence once after the Mandarin ones
  bool chime = true;     ///< 叮咚 before the words (the segment kChimeSegment, made in code if missing)
  std::chrono::milliseconds wordGap{40};     ///< between two words
  std::chrono::milliseconds commaGap{250};   ///< at a comma of a template
  std::chrono::milliseconds sentenceGap{700};  ///< between sentences
  std::chrono::milliseconds chimeGap{200};     ///< after the chime, before the first word
  /// After the letters of a ticket number, so "E" stands apart from the digits (E、零零一).
  std::chrono::milliseconds letterGap{150};
};

class AnnouncementComposer {
 public:
  explicit AnnouncementComposer(AnnouncementStyle style = {});

  /// The pieces of one sentence in one language, without repetition.
  Expected<std::vector<Piece>> sentence(const Call& call, Language language) const;
  /// The whole announcement: the chime if enabled, the Mandarin sentence `repeats` times (once
  /// for a brief call), then English if enabled.
  Expected<std::vector<Piece>> pieces(const Call& call) const;
  /// Joins the recordings of `pieces` into one buffer, with a short gap between words.
  /// A segment the library lacks is an error naming it; only the chime has a made-up
  /// stand-in (makeChime()).
  Expected<Pcm> render(const std::vector<Piece>& pieces, const SegmentLibrary& library) const;
  /// pieces() then render().
  Expected<Pcm> compose(const Call& call, const SegmentLibrary& library) const;

  const AnnouncementStyle& style() const { return style_; }

 private:
  AnnouncementStyle style_;
};

/// The templates of a hall file ([announcements] zh and en, with {number} and {window}) in
/// the composer's spelling; a recall says 再次呼叫 / "calling again" before the sentence.
AnnouncementTemplates templatesFromHallFile(const std::string& zh, const std::string& en);

/// Whether every word of the style's templates has a recording (phrases of the segment
/// catalog, digits, letters): the error names the words the voice cannot say.
std::optional<VoiceError> checkTemplates(const AnnouncementStyle& style);

/// How a window number is said: 三, 十二, 二十一 in Mandarin (digit by digit from 100);
/// digit by digit in English.
Expected<std::vector<Piece>> windowNumberPieces(int window, Language language);
/// How a ticket number is said: letters, then `afterLetters` of silence (if any), then digits
/// one by one ("A001" → A 零 零 一, "B100" → B 一 零 零).
Expected<std::vector<Piece>> ticketNumberPieces(const std::string& ticketNumber, Language language,
                                                std::chrono::milliseconds afterLetters = {});

}  // namespace jiujin::voice
