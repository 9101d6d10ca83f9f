#include "rules/communes.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace cpts {

namespace {

// Latin-1 Supplement and Latin Extended-A letters as plain ASCII (the accents French place names
// and their Breton, Basque, Alsatian or Corsican forms use).
const char* ascii_for(char32_t c) {
  static const char* const k00C0[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y"};
  if (c >= 0xC0 && c <= 0xFF) return k00C0[c - 0xC0];
  if (c == 0x152 || c == 0x153) return "oe";
  if (c == 0x178) return "y";
  if (c >= 0x100 && c <= 0x17F) {
    // Base letter of each of U+0100..U+017F (NFKD, and đ ħ ı ĸ ł ŉ ŋ ŧ by hand).
    static const char kBase[] =
        "aaaaaaccccccccdddd" "eeeeeeeeeegggggggghhhh" "iiiiiiiiiiiijjkkk" "llllllllllnnnnnnnnn"
        "oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    static_assert(sizeof kBase - 1 == 128, "one letter per code point of Latin Extended-A");
    static const std::array<std::array<char, 2>, 128> kOne = [] {
      std::array<std::array<char, 2>, 128> a{};
      for (std::size_t k = 0; k < 128; ++k) a[k] = {kBase[k], 0};
      return a;
    }();
    return kOne[c - 0x100].data();
  }
  return nullptr;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::vector<std::string> words(const std::string& folded) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t sp = folded.find(' ', i);
    if (sp == std::string::npos) sp = folded.size();
    if (sp > i) out.push_back(folded.substr(i, sp - i));
    i = sp + 1;
  }
  return out;
}

// The typed text, and the same with the usual abbreviations spelt out ("st martin" →
// "saint martin"), as the names in the list spell them.
std::vector<std::string> query_variants(const std::string& folded) {
  std::vector<std::string> w = words(folded);
  std::string expanded;
  bool changed = false;
  for (const std::string& x : w) {
    const std::string* s = &x;
    static const std::string kSaint = "saint", kSainte = "sainte", kSaints = "saints", kSaintes = "saintes";
    if (x == "st") s = &kSaint;
    else if (x == "ste") s = &kSainte;
    else if (x == "sts") s = &kSaints;
    else if (x == "stes") s = &kSaintes;
    changed = changed || s != &x;
    if (!expanded.empty()) expanded += ' ';
    expanded += *s;
  }
  if (changed) return {folded, expanded};
  return {folded};
}

// 0 exact, 1 the name starts with q, 2 a word starts with q, 3 every word of q starts a word; -1 no.
// `name` is " " + folded name (the leading space makes "a word starts with" one find()).
// Ranks worse than `worst` are not looked for (the results are already full of better ones).
int rank_name(std::string_view name, const std::string& q, const std::string& spaced_q,
              const std::vector<std::string>& spaced_words, int worst) {
  std::string_view n = name.substr(1);
  if (n.size() >= q.size() && n.compare(0, q.size(), q) == 0) return n.size() == q.size() ? 0 : 1;
  if (worst < 2) return -1;
  if (name.find(spaced_q) != std::string_view::npos) return 2;
  if (worst < 3 || spaced_words.size() < 2) return -1;
  for (const std::string& w : spaced_words)
    if (name.find(w) == std::string_view::npos) return -1;
  return 3;
}

std::uint32_t letter_mask(std::string_view s) {
  std::uint32_t m = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
    else if (c >= '0' && c <= '9') m |= 1u << 26;
  }
  return m;
}

bool is_code_query(const std::string& q) {
  if (q.empty()) return false;
  if (q[0] >= '0' && q[0] <= '9') return true;
  return q.size() >= 2 && q[0] == '2' && (q[1] == 'a' || q[1] == 'b');  // Corsica: 2A004
}

}  // namespace

std::string fold_place_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (is_word_char(c)) out += c;
      else space();  // - ' . , / ( ) and spaces
      ++i;
      continue;
    }
    // One UTF-8 sequence: 2, 3 or 4 bytes.
    std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : len == 4 ? (b & 0x07) : 0;
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (const char* a = len > 1 ? ascii_for(cp) : nullptr) {
      if (a[0] == ' ') space();
      else out += a;
    } else {
      space();  // ’ « » — and anything else not a letter of the list: a separator
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

CommuneIndex::CommuneIndex(CommuneTable table) : table_(std::move(table)) {
  const auto& cs = table_.communes;
  by_population_.resize(cs.size());
  std::iota(by_population_.begin(), by_population_.end(), std::size_t{0});
  std::stable_sort(by_population_.begin(), by_population_.end(),
                   [&](std::size_t a, std::size_t b) { return cs[a].population > cs[b].population; });
  folded_start_.reserve(cs.size() + 1);
  letters_.reserve(cs.size());
  for (std::size_t i : by_population_) {
    folded_start_.push_back(static_cast<std::uint32_t>(folded_blob_.size()));
    std::string f = fold_place_name(cs[i].name);
    letters_.push_back(letter_mask(f));
    folded_blob_ += ' ';
    folded_blob_ += f;
  }
  folded_start_.push_back(static_cast<std::uint32_t>(folded_blob_.size()));
  by_name_.resize(cs.size());
  std::iota(by_name_.begin(), by_name_.end(), std::uint32_t{0});
  std::stable_sort(by_name_.begin(), by_name_.end(), [&](std::uint32_t a, std::uint32_t b) { return name_at(a) < name_at(b); });
  codes_.reserve(cs.size() * kCodeWidth);
  postcode_start_.reserve(cs.size() + 1);
  for (std::size_t i : by_population_) {
    std::string code = cs[i].code.substr(0, kCodeWidth);
    for (char& ch : code)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    code.resize(kCodeWidth, ' ');  // every INSEE code has 5 characters; a shorter one ends with spaces
    codes_ += code;
    postcode_start_.push_back(static_cast<std::uint32_t>(postcode_blob_.size()));
    postcode_blob_ += ' ';
    postcode_blob_ += cs[i].postcodes;
  }
  postcode_start_.push_back(static_cast<std::uint32_t>(postcode_blob_.size()));
  for (const RefEpci& e : table_.epcis) folded_epci_.push_back(" " + fold_place_name(e.name));
  epci_population_.assign(table_.epcis.size(), 0);
  for (const RefCommune& c : cs) {
    if (c.epci.empty()) continue;
    auto it = std::lower_bound(table_.epcis.begin(), table_.epcis.end(), c.epci,
                               [](const RefEpci& e, const std::string& s) { return e.siren < s; });
    if (it != table_.epcis.end() && it->siren == c.epci) epci_population_[it - table_.epcis.begin()] += c.population;
  }
}

std::string_view CommuneIndex::name_at(std::size_t k) const {
  return std::string_view(folded_blob_).substr(folded_start_[k] + 1, folded_start_[k + 1] - folded_start_[k] - 1);
}

std::vector<const RefCommune*> CommuneIndex::search(std::string_view text, std::size_t limit) const {
  std::vector<const RefCommune*> out;
  std::string q = fold_place_name(text);
  if (q.empty() || limit == 0) return out;
  std::array<std::vector<std::size_t>, 4> ranked;
  int worst = 3;  // the worst rank that can still make the results: lowered as better ones fill up
  auto take = [&](int r, std::size_t i) {
    if (r < 0 || r > worst || ranked[r].size() >= limit) return;
    ranked[r].push_back(i);
    std::size_t better = 0;
    for (int k = 0; k <= worst; ++k) {
      better += ranked[k].size();
      if (better >= limit) { worst = k; break; }
    }
  };
  if (is_code_query(q)) {
    std::string code = q;
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    const char* const c = code.data();
    const std::size_t n = code.size();
    // A few bytes each: a plain loop, the first byte rejecting most (no call per commune).
    auto starts_with_code = [&](const char* p) {
      for (std::size_t j = 0; j < n; ++j)
        if (p[j] != c[j]) return false;
      return true;
    };
    // One of the commune's postal codes (" 71200 71300" in the contiguous block) starts with `code`.
    const char* const posts = postcode_blob_.data();
    auto postcode_match = [&](std::size_t k) {
      const char* p = posts + postcode_start_[k];
      const char* const end = posts + postcode_start_[k + 1];
      while (p < end) {
        ++p;  // the space before each postal code
        if (static_cast<std::size_t>(end - p) >= n && starts_with_code(p)) return true;
        while (p < end && *p != ' ') ++p;
      }
      return false;
    };
    // INSEE codes (digits and the a/b of Corsica, lower-cased), kCodeWidth bytes each.
    const char* const codes = codes_.data();
    const bool fits = n <= kCodeWidth;
    const int post_rank = n == 5 ? 1 : 3;
    for (std::size_t k = 0; k < by_population_.size(); ++k) {
      const char* own = codes + k * kCodeWidth;
      const bool prefix = fits && starts_with_code(own);
      if (prefix && (n == kCodeWidth || own[n] == ' ')) {
        take(0, by_population_[k]);
        continue;
      }
      // The postal codes matter while their rank can still enter the results, or to tell whether
      // an INSEE prefix match ranks 2 (no postal code) or post_rank.
      const bool post_open = post_rank <= worst && ranked[static_cast<std::size_t>(post_rank)].size() < limit;
      if (!prefix && !post_open) continue;
      if (postcode_match(k)) take(post_rank, by_population_[k]);
      else if (prefix) take(2, by_population_[k]);
    }
  } else {
    std::vector<std::string> variants = query_variants(q);
    std::vector<std::string> spaced_q;
    std::vector<std::vector<std::string>> spaced_words;
    for (const std::string& v : variants) {
      spaced_q.push_back(" " + v);
      spaced_words.emplace_back();
      for (const std::string& w : words(v)) spaced_words.back().push_back(" " + w);
    }
    std::vector<std::uint32_t> masks;
    for (const std::string& v : variants) masks.push_back(letter_mask(v));
    // Rank 0, the names equal to the text, from the index, in population order.
    std::vector<std::uint32_t> exact;
    for (const std::string& v : variants) {
      const std::string_view sv = v;
      auto lo = std::lower_bound(by_name_.begin(), by_name_.end(), sv, [&](std::uint32_t k, std::string_view s) { return name_at(k) < s; });
      auto hi = std::upper_bound(lo, by_name_.end(), sv, [&](std::string_view s, std::uint32_t k) { return s < name_at(k); });
      exact.insert(exact.end(), lo, hi);
    }
    std::sort(exact.begin(), exact.end());
    exact.erase(std::unique(exact.begin(), exact.end()), exact.end());
    for (std::uint32_t k : exact) take(0, by_population_[k]);
    // Then every name in population order, until the names equal to or starting with the text
    // fill the results (worst ≤ 1): a later one, smaller, could not enter them any more. The
    // letter masks reject most names in a few instructions (at most two variants: "st" → saint).
    const std::uint32_t m0 = masks[0], m1 = masks.back();
    const std::string_view blob = folded_blob_;
    for (std::size_t k = 0; k < by_population_.size() && worst > 1; ++k) {
      const std::uint32_t letters = letters_[k];
      if ((letters & m0) != m0 && (letters & m1) != m1) continue;
      const std::string_view name = blob.substr(folded_start_[k], folded_start_[k + 1] - folded_start_[k]);
      int best = -1;
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if ((letters & masks[v]) != masks[v]) continue;
        const int r = rank_name(name, variants[v], spaced_q[v], spaced_words[v], worst);
        if (r >= 0 && (best < 0 || r < best)) best = r;
      }
      if (best > 0) take(best, by_population_[k]);  // 0: taken from the index already
    }
  }
  for (const auto& bucket : ranked)
    for (std::size_t i : bucket)
      if (out.size() < limit) out.push_back(&table_.communes[i]);
  return out;
}

const RefCommune* CommuneIndex::find(std::string_view code) const {
  auto it = std::lower_bound(table_.communes.begin(), table_.communes.end(), code,
                             [](const RefCommune& c, std::string_view s) { return c.code < s; });
  return it != table_.communes.end() && it->code == code ? &*it : nullptr;
}

const RefEpci* CommuneIndex::find_epci(std::string_view siren) const {
  auto it = std::lower_bound(table_.epcis.begin(), table_.epcis.end(), siren,
                             [](const RefEpci& e, std::string_view s) { return e.siren < s; });
  return it != table_.epcis.end() && it->siren == siren ? &*it : nullptr;
}

long long CommuneIndex::epci_population(std::string_view siren) const {
  const RefEpci* e = find_epci(siren);
  return e ? epci_population_[e - table_.epcis.data()] : 0;
}

std::vector<const RefCommune*> CommuneIndex::members(std::string_view siren) const {
  std::vector<const RefCommune*> out;
  for (const RefCommune& c : table_.communes)
    if (c.epci == siren) out.push_back(&c);
  return out;
}

std::vector<const RefEpci*> CommuneIndex::search_epci(std::string_view text, std::size_t limit) const {
  std::vector<const RefEpci*> out;
  std::string q = fold_place_name(text);
  if (q.empty() || limit == 0) return out;
  std::vector<std::pair<int, std::size_t>> hits;  // (rank, index)
  if (q[0] >= '0' && q[0] <= '9') {
    std::string code = q;
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    for (std::size_t i = 0; i < table_.epcis.size(); ++i) {
      const std::string& s = table_.epcis[i].siren;
      if (s == code) hits.push_back({0, i});
      else if (s.compare(0, code.size(), code) == 0) hits.push_back({1, i});
    }
  } else {
    std::vector<std::string> variants = query_variants(q);
    for (std::size_t i = 0; i < table_.epcis.size(); ++i) {
      int best = -1;
      for (const std::string& v : variants) {
        std::vector<std::string> sw;
        for (const std::string& w : words(v)) sw.push_back(" " + w);
        int r = rank_name(folded_epci_[i], v, " " + v, sw, 3);
        if (r >= 0 && (best < 0 || r < best)) best = r;
      }
      if (best >= 0) hits.push_back({best, i});
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return epci_population_[a.second] > epci_population_[b.second];
  });
  for (const auto& h : hits)
    if (out.size() < limit) out.push_back(&table_.epcis[h.second]);
  return out;
}

}  // namespace cpts
