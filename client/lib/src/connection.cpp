#include "jiujin/client/connection.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <zmq.h>

namespace jiujin::client {

CurveKeys newKeyPair() {
  std::array<char, 41> publicKey{};
  std::array<char, 41> secretKey{};
  if (zmq_curve_keypair(publicKey.data(), secretKey.data()) != 0) return {};
  return CurveKeys{std::string(publicKey.data(), 40), std::string(secretKey.data(), 40), {}};
}

std::string publicKeyOf(const std::string& secretKey) {
  if (secretKey.size() != 40) return {};
  std::array<char, 41> publicKey{};
  if (zmq_curve_public(publicKey.data(), secretKey.c_str()) != 0) return {};
  return std::string(publicKey.data(), 40);
}

std::string readKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::string key;
  in >> key;
  return key.size() == 40 ? key : std::string();
}

}  // namespace jiujin::client
