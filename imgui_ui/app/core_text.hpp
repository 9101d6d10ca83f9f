// The core's texts that come as French/English function pairs (enum labels, payment lines), picked
// for the UI's language through in_language (i18n.hpp): the one way the UI shows a core text.
#pragma once
#include <string>

#include "engine/funding.hpp"
#include "i18n.hpp"

namespace cpts::ui {

inline const char* component_label(Component c) { return in_language(component_label_fr(c), component_label_en(c)); }
inline const char* payment_kind_label(PaymentKind k) { return in_language(payment_kind_label_fr(k), payment_kind_label_en(k)); }
inline std::string payment_label(const FundingResult& r, const PaymentItem& it) {
  return in_language(payment_label_fr(r, it), payment_label_en(r, it));
}

}  // namespace cpts::ui
