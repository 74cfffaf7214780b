#include "jiujin/core/case_privacy.hpp"

namespace jiujin::core {
namespace {

std::string stars(std::size_t n) { return std::string(n, '*'); }

/// Code points of UTF-8 text, each as its bytes (names are Chinese).
std::size_t firstCharacterLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto lead = static_cast<unsigned char>(text.front());
  std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(n, text.size());
}

std::size_t characterCount(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char ch : text) count += (ch & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::string maskIdNumber(std::string_view id) {
  if (id.size() < 10) return stars(id.size());
  return std::string{id.substr(0, 4)} + stars(id.size() - 8) + std::string{id.substr(id.size() - 4)};
}

std::string maskPhone(std::string_view phone) {
  if (phone.size() < 8) return stars(phone.size());
  return std::string{phone.substr(0, 3)} + stars(phone.size() - 7) + std::string{phone.substr(phone.size() - 4)};
}

std::string maskName(std::string_view name) {
  const std::size_t characters = characterCount(name);
  if (characters <= 1) return stars(characters);
  return std::string{name.substr(0, firstCharacterLength(name))} + stars(characters - 1);
}

Applicant masked(const Applicant& a) { return Applicant{maskName(a.name), maskIdNumber(a.idNumber), maskPhone(a.phone)}; }

Event withoutPersonalData(const Event& event) {
  if (const auto* registered = std::get_if<ev::CaseRegistered>(&event)) {
    ev::CaseRegistered copy = *registered;
    copy.registered.applicant = masked(copy.registered.applicant);
    return copy;
  }
  if (const auto* collected = std::get_if<ev::CaseCollected>(&event)) {
    ev::CaseCollected copy = *collected;
    copy.collectedBy = maskName(copy.collectedBy);
    return copy;
  }
  return event;
}

HallState withoutPersonalData(HallState state) {
  for (auto& [id, c] : state.cases) {
    c.applicant = masked(c.applicant);
    c.collectedBy = maskName(c.collectedBy);
  }
  return state;
}

}  // namespace jiujin::core
