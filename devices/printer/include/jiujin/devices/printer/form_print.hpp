#pragma once
// What goes on a printed form handed to a resident (收件回执单, 补交材料清单, 不予受理通知书):
// a title, labelled fields, numbered lists, a QR code and notes, in the hall's words. All
// text is UTF-8. The same form prints on the ticket printer (encodeForm) and as an A4 page
// (client/forms); what a case's forms say is decided in client/forms, not here.
#include <string>
#include <vector>

namespace jiujin::devices::printer {

/// "label：value" on one line, e.g. {"办件编号", "370199101-20260430-0001"}.
struct FormField {
  std::string label;
  std::string value;
  bool operator==(const FormField&) const = default;
};

/// A heading and its items, printed numbered ("1. 居民身份证").
struct FormList {
  std::string heading;
  std::vector<std::string> items;
  bool operator==(const FormList&) const = default;
};

struct FormPrint {
  std::string hallName;  ///< e.g. "城关街道便民服务中心"
  std::string title;     ///< e.g. "收件回执单", printed large
  std::vector<FormField> fields;
  std::vector<FormList> lists;  ///< after the fields
  std::string qrPayload;        ///< empty: no QR code
  std::string qrCaption;        ///< under the QR code, e.g. "凭此码领取办件结果"
  std::vector<std::string> notes;  ///< the closing sentences
  bool operator==(const FormPrint&) const = default;
};

}  // namespace jiujin::devices::printer
