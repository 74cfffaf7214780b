// [web]: TLS with the hall's certificate — both files or neither, next to the hall file, and
// every mistake named at its line.
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hall_fixture.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string lineOf(int n) {
  const auto hall = validHall();
  return std::to_string(std::count(hall.begin(), hall.end(), '\n') + n);
}

LoadResult load(TempDir& dir, const std::string& web) {
  dir.write("catalog.csv", validCatalog());
  return loadHallConfig(dir.write("hall.toml", validHall() + web));
}

std::vector<std::string> errorsIn(const LoadResult& result) {
  std::vector<std::string> out;
  for (auto d : result.errors) {
    d.file = d.file.filename();
    out.push_back(toString(d));
  }
  return out;
}

TEST(WebSettings, WithoutTlsKeysThePagesArePlainHttp) {
  TempDir dir;
  const auto result = load(dir, "\n[web]\nport = 8443\n");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.config->web.tlsCertificate.empty());
  EXPECT_TRUE(result.config->web.tlsKey.empty());
}

TEST(WebSettings, TheCertificateAndKeyAreFoundNextToTheHallFile) {
  TempDir dir;
  dir.write("web.crt", "-----BEGIN CERTIFICATE-----\n");
  std::filesystem::create_directories(dir.path() / "tls");
  dir.write("tls/web.key", "-----BEGIN PRIVATE KEY-----\n");
  const auto result = load(dir, "\n[web]\ntls_certificate = \"web.crt\"\ntls_key = \"tls/web.key\"\n");
  ASSERT_TRUE(result.ok()) << errorsIn(result).front();
  EXPECT_EQ(result.config->web.tlsCertificate, dir.path() / "web.crt");
  EXPECT_EQ(result.config->web.tlsKey, dir.path() / "tls" / "web.key");
}

TEST(WebSettings, ACertificateWithoutItsKeyIsAnErrorAtItsLine) {
  TempDir dir;
  dir.write("web.crt", "-----BEGIN CERTIFICATE-----\n");
  EXPECT_THAT(errorsIn(load(dir, "\n[web]\ntls_certificate = \"web.crt\"\n")),
              ElementsAre("hall.toml:" + lineOf(3) + ":19: error: [web] has tls_certificate but no tls_key; HTTPS "
                          "needs both the certificate (tls_certificate) and its private key (tls_key)"));
  dir.write("web.key", "-----BEGIN PRIVATE KEY-----\n");
  EXPECT_THAT(errorsIn(load(dir, "\n[web]\ntls_key = \"web.key\"\n")),
              ElementsAre(HasSubstr("[web] has tls_key but no tls_certificate")));
}

TEST(WebSettings, AMissingFileIsAnErrorAtItsLine) {
  TempDir dir;
  dir.write("web.crt", "-----BEGIN CERTIFICATE-----\n");
  const auto errors = errorsIn(load(dir, "\n[web]\ntls_certificate = \"web.crt\"\ntls_key = \"nowhere.key\"\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("hall.toml:" + lineOf(4) + ":11: error: web.tls_key \""));
  EXPECT_THAT(errors[0], HasSubstr("nowhere.key\" does not exist; expected a PEM file"));
}

}  // namespace
}  // namespace jiujin::config::testing
