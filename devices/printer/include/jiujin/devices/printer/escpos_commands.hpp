#pragma once
// The ESC/POS bytes this project sends and understands, named once so the encoder, the
// decoder and the tests agree. Values follow the Epson ESC/POS reference.
#include <cstdint>

namespace jiujin::devices::printer::escpos {

inline constexpr std::uint8_t LF = 0x0A;
inline constexpr std::uint8_t ESC = 0x1B;
inline constexpr std::uint8_t FS = 0x1C;
inline constexpr std::uint8_t GS = 0x1D;
inline constexpr std::uint8_t DLE = 0x10;
inline constexpr std::uint8_t EOT = 0x04;

// ESC <x>
inline constexpr std::uint8_t kInitialize = '@';   // ESC @
inline constexpr std::uint8_t kAlign = 'a';        // ESC a n
inline constexpr std::uint8_t kEmphasis = 'E';     // ESC E n
inline constexpr std::uint8_t kFeedLines = 'd';    // ESC d n
inline constexpr std::uint8_t kPrintMode = '!';    // ESC ! n (font, emphasis, double size)
// FS <x>
inline constexpr std::uint8_t kChineseOn = '&';    // FS &
inline constexpr std::uint8_t kChineseOff = '.';   // FS .
// GS <x>
inline constexpr std::uint8_t kCharacterSize = '!';  // GS ! n: high nibble width-1, low nibble height-1
inline constexpr std::uint8_t kCut = 'V';            // GS V m [n]
inline constexpr std::uint8_t kTwoDimensional = '(';  // GS ( k pL pH cn fn ...
inline constexpr std::uint8_t kTwoDimensionalK = 'k';

// GS ( k: cn selects the symbol (49 = QR code), fn the function.
inline constexpr std::uint8_t kQrSymbol = 49;
inline constexpr std::uint8_t kQrSelectModel = 65;        // 0x41
inline constexpr std::uint8_t kQrModuleSize = 67;         // 0x43
inline constexpr std::uint8_t kQrErrorCorrection = 69;    // 0x45
inline constexpr std::uint8_t kQrStore = 80;              // 0x50
inline constexpr std::uint8_t kQrPrint = 81;              // 0x51
inline constexpr std::uint8_t kQrModel2 = 50;             // '2'
inline constexpr std::uint8_t kQrStoreMarker = 48;        // '0', the m byte of store/print

// GS V m: 0/48 full cut, 1/49 partial cut, 65/66 feed n lines then full/partial cut.
inline constexpr std::uint8_t kCutFull = 0;
inline constexpr std::uint8_t kCutPartial = 1;
inline constexpr std::uint8_t kFeedAndCutFull = 65;
inline constexpr std::uint8_t kFeedAndCutPartial = 66;

}  // namespace jiujin::devices::printer::escpos
