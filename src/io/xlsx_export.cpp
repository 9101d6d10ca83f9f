#include "io/xlsx_export.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>
#include <vector>

#include "engine/budget.hpp"

namespace cpts {

// =================================================================================================
// [SECTION] Text, names and references
// =================================================================================================

namespace {

// Length of the valid UTF-8 sequence starting at s[i] (1–4), or 0 when it is not valid (overlong
// forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // UTF-16 surrogates
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
  return n;
}

// Valid UTF-8 (U+FFFD for each invalid byte), at most `max_chars` code points.
std::string clean_utf8(std::string_view s, std::size_t max_chars) {
  std::string out;
  out.reserve(std::min(s.size(), max_chars * 4));
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size() && chars < max_chars; ++chars) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace

std::string xlsx_text(std::string_view text) { return clean_utf8(text, 32767); }  // Excel's cell limit

std::string xlsx_sheet_name(std::string_view name) {
  // Excel: 1 to 31 characters, none of [ ] : * ? / \, no apostrophe at either end.
  std::string s;
  for (char c : name) s += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  s = clean_utf8(s, 31);
  while (!s.empty() && s.front() == '\'') s.erase(s.begin());
  while (!s.empty() && s.back() == '\'') s.pop_back();
  return s.empty() ? "Feuille" : s;
}

std::string xlsx_cell_ref(int row, int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

namespace {

// =================================================================================================
// [SECTION] Writing cells
// =================================================================================================

double euros(Cents c) { return static_cast<double>(c) / 100.0; }

struct Formats {
  lxw_format *header, *text, *bold, *eur, *eur_total, *pct, *date, *integer, *integer_total, *number, *note;
};

Formats make_formats(lxw_workbook* wb) {
  auto fmt = [&](const char* num_format, bool bold) {
    lxw_format* f = workbook_add_format(wb);
    if (num_format) format_set_num_format(f, num_format);
    if (bold) format_set_bold(f);
    return f;
  };
  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.header, 0xDDE4EE);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.text = fmt(nullptr, false);
  f.bold = fmt(nullptr, true);
  // Number format codes are stored locale-free: a French spreadsheet shows "1 234,56 €".
  f.eur = fmt("#,##0.00 \"€\"", false);
  f.eur_total = fmt("#,##0.00 \"€\"", true);
  format_set_top(f.eur_total, LXW_BORDER_THIN);
  f.pct = fmt("0.00 %", false);
  f.date = fmt("dd/mm/yyyy", false);
  f.integer = fmt("#,##0", false);
  f.integer_total = fmt("#,##0", true);
  format_set_top(f.integer_total, LXW_BORDER_THIN);
  f.number = fmt("General", false);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  return f;
}

// One worksheet and its formats; every write goes through here so that user text is cleaned and
// never becomes a formula.
struct Sheet {
  lxw_worksheet* ws;
  const Formats& f;

  void text(int row, int col, std::string_view s, lxw_format* fmt = nullptr) {
    if (s.empty()) return;
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), xlsx_text(s).c_str(), fmt);
  }
  void number(int row, int col, double v, lxw_format* fmt) {
    worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, fmt);
  }
  void money(int row, int col, Cents c) { number(row, col, euros(c), f.eur); }
  // A formula we wrote (never user text) and its value as the planner computes it.
  void formula(int row, int col, const std::string& expr, double cached, lxw_format* fmt) {
    worksheet_write_formula_num(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), expr.c_str(), fmt, cached);
  }
  void date(int row, int col, const Date& d) {
    if (!d.valid()) return;
    lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0.0};
    worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &dt, f.date);
  }
  void header(int row, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) text(row, static_cast<int>(c), cells[c], f.header);
  }
  void widths(const std::vector<double>& w) {
    for (std::size_t c = 0; c < w.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w[c], nullptr);
  }
};

std::string sum(int first_row, int last_row, int col) {  // rows inclusive, 0-based
  if (last_row < first_row) return "=0";
  return "=SUM(" + xlsx_cell_ref(first_row, col) + ":" + xlsx_cell_ref(last_row, col) + ")";
}
std::string sum_across(int row, int first_col, int last_col) {
  return "=SUM(" + xlsx_cell_ref(row, first_col) + ":" + xlsx_cell_ref(row, last_col) + ")";
}
// A reference to a cell of another sheet: 'Financement par année'!G12
std::string ref(const std::string& sheet, int row, int col) { return "'" + sheet + "'!" + xlsx_cell_ref(row, col); }

lxw_worksheet* add_sheet(lxw_workbook* wb, const char* name) {
  return workbook_add_worksheet(wb, xlsx_sheet_name(name).c_str());
}

const std::string kFundingSheet = "Financement par année";

// =================================================================================================
// [SECTION] Sheets
// =================================================================================================

// Components × contract years. Returns the row of TOTAL (the Budget sheet refers to it).
int funding_sheet(Sheet s, const Project& p, const FundingResult& r) {
  const Catalogue& cat = *r.catalogue;
  const int total_col = 1 + kContractYears;
  std::vector<std::string> head = {"Montants en €"};
  for (const YearFunding& y : r.years) head.push_back("Année " + std::to_string(y.year));
  head.push_back("Total");
  s.header(0, head);
  s.text(1, 0, "Période", s.f.note);
  for (int k = 0; k < kContractYears; ++k) {
    const YearFunding& y = r.years[static_cast<std::size_t>(k)];
    s.text(1, 1 + k, format_fr(y.start) + " – " + format_fr(from_days(to_days(y.end) - 1)), s.f.note);
  }
  int row = 2;
  // A component row (skipped when zero in every year), its years as numbers, its total a SUM.
  auto component = [&](const std::string& label, auto get) {
    Cents total = 0;
    for (const YearFunding& y : r.years) total += get(y);
    if (total == 0) return;
    s.text(row, 0, label);
    for (int k = 0; k < kContractYears; ++k) s.money(row, 1 + k, get(r.years[static_cast<std::size_t>(k)]));
    s.formula(row, total_col, sum_across(row, 1, kContractYears), euros(total), s.f.eur);
    ++row;
  };
  // A subtotal row: SUM of the rows [first, row) in each column.
  auto subtotal = [&](const std::string& label, int first, auto get) {
    s.text(row, 0, label, s.f.bold);
    Cents all = 0;
    for (int k = 0; k < kContractYears; ++k) {
      const Cents c = get(r.years[static_cast<std::size_t>(k)]);
      all += c;
      s.formula(row, 1 + k, sum(first, row - 1, 1 + k), euros(c), s.f.eur_total);
    }
    s.formula(row, total_col, sum(first, row - 1, total_col), euros(all), s.f.eur_total);
    return row++;
  };

  // Fixed part (fixed_total: fonctionnement + top-up + each mission's fixe, SNP and activation).
  const int fixed_first = row;
  component("Fonctionnement", [](const YearFunding& y) { return y.fonctionnement; });
  component("Complément avenant 2", [](const YearFunding& y) { return y.topup; });
  for (std::size_t m = 0; m < cat.missions.size(); ++m) {
    const std::string& name = cat.missions[m].short_fr;
    component(name + " — part fixe", [m](const YearFunding& y) { return y.missions[m].fixe; });
    component(name + " — soins non programmés", [m](const YearFunding& y) { return y.missions[m].snp; });
    component(name + " — activation", [m](const YearFunding& y) { return y.missions[m].activation; });
  }
  const int fixed_row = subtotal("Total fixe", fixed_first, [](const YearFunding& y) { return y.fixed_total(); });
  const int variable_first = row;
  for (std::size_t m = 0; m < cat.missions.size(); ++m)
    component(cat.missions[m].short_fr + " — part variable", [m](const YearFunding& y) { return y.missions[m].variable; });
  const int variable_row = subtotal("Total variable", variable_first, [](const YearFunding& y) { return y.variable_total(); });

  const int total_row = row++;
  s.text(total_row, 0, "TOTAL", s.f.bold);
  for (int k = 0; k <= kContractYears; ++k) {
    const Cents c = k < kContractYears ? r.years[static_cast<std::size_t>(k)].total() : r.total();
    s.formula(total_row, 1 + k, "=" + xlsx_cell_ref(fixed_row, 1 + k) + "+" + xlsx_cell_ref(variable_row, 1 + k), euros(c),
              s.f.eur_total);
  }
  ++row;
  s.text(row, 0, "Variable maximum (part à risque)");
  Cents vmax = 0;
  for (int k = 0; k < kContractYears; ++k) {
    vmax += r.years[static_cast<std::size_t>(k)].variable_max_total();
    s.money(row, 1 + k, r.years[static_cast<std::size_t>(k)].variable_max_total());
  }
  s.formula(row, total_col, sum_across(row, 1, kContractYears), euros(vmax), s.f.eur);
  row += 2;
  s.text(row++, 0, p.identity.name + " — " + cat.label_fr + " — taille " + std::to_string(r.taille), s.f.note);
  s.text(row++, 0, std::string("Scénario : ") + to_string(r.scenario) + " ; contrat signé le " + format_fr(p.contract.signature),
         s.f.note);
  if (r.pre_contract) {
    s.text(row, 0, "Avant le contrat (lettre d’intention)", s.f.note);
    s.money(row++, 1, r.pre_contract);
  }
  s.widths({42, 15, 15, 15, 15, 15, 16});
  worksheet_freeze_panes(s.ws, 2, 1);
  return total_row;
}

void calendar_sheet(Sheet s, const FundingResult& r) {
  s.header(0, {"Année civile", "Versements (€)"});
  int row = 1;
  Cents all = 0;
  for (const auto& [year, cents] : r.by_calendar_year) {
    s.number(row, 0, year, s.f.number);
    s.money(row++, 1, cents);
    all += cents;
  }
  s.text(row, 0, "Total", s.f.bold);
  s.formula(row, 1, sum(1, row - 1, 1), euros(all), s.f.eur_total);
  if (r.pre_contract) {
    s.text(row + 2, 0, "dont avant le contrat (lettre d’intention)", s.f.note);
    s.money(row + 2, 1, r.pre_contract);
  }
  s.widths({40, 18});
  worksheet_freeze_panes(s.ws, 1, 0);
}

void schedule_sheet(Sheet s, const FundingResult& r) {
  const Catalogue& cat = *r.catalogue;
  s.header(0, {"Date", "Année de contrat", "Mission", "Composante", "Versement", "Montant (€)", "Estimation"});
  int row = 1;
  for (const PaymentItem& it : r.schedule) {
    const CatalogueMission* m = it.mission.empty() ? nullptr : cat.mission(it.mission);
    s.date(row, 0, it.date);
    s.number(row, 1, it.contract_year, s.f.number);
    s.text(row, 2, it.mission.empty() ? std::string("Contrat") : m ? m->short_fr : it.mission);
    s.text(row, 3, component_label_fr(it.component));
    std::string kind = payment_kind_label_fr(it.kind);
    if (!kind.empty()) kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
    s.text(row, 4, kind);
    s.money(row, 5, it.cents);
    s.text(row, 6, it.estimate ? "oui" : "non");
    ++row;
  }
  const int last = row - 1;
  if (last >= 1) worksheet_autofilter(s.ws, 0, 0, static_cast<lxw_row_t>(last), 6);
  s.text(row, 4, "Total", s.f.bold);
  s.formula(row, 5, sum(1, last, 5), euros(r.total() + r.pre_contract), s.f.eur_total);
  ++row;
  // Years 1–5 only (column B ≥ 1): the contract's total, without the lettre d'intention.
  s.text(row, 4, "dont années 1 à 5", s.f.bold);
  const std::string years = xlsx_cell_ref(1, 1) + ":" + xlsx_cell_ref(std::max(last, 1), 1);
  const std::string amounts = xlsx_cell_ref(1, 5) + ":" + xlsx_cell_ref(std::max(last, 1), 5);
  s.formula(row, 5, "=SUMIF(" + years + ",\">=1\"," + amounts + ")", euros(r.total()), s.f.eur_total);
  s.widths({12, 10, 30, 34, 14, 16, 11});
  worksheet_freeze_panes(s.ws, 1, 0);
}

void indicators_sheet(Sheet s, const Project& p, const FundingResult& r) {
  const Catalogue& cat = *r.catalogue;
  std::size_t max_tiers = 0;
  for (const Indicator& ind : p.indicators) max_tiers = std::max(max_tiers, ind.tiers.size());
  std::vector<std::string> head = {"Mission", "Fiche-action", "Indicateur", "Libellé", "Type", "Unité", "Sens", "Valeur initiale"};
  for (int y = 1; y <= kContractYears; ++y) head.push_back("Cible année " + std::to_string(y));
  for (int y = 1; y <= kContractYears; ++y) head.push_back("Réalisé année " + std::to_string(y));
  head.push_back("Montant maximum (€)");
  const int amount_col = static_cast<int>(head.size()) - 1;
  head.push_back("Justificatif");
  head.push_back("Source");
  const int first_tier_col = static_cast<int>(head.size());
  for (std::size_t t = 1; t <= max_tiers; ++t) {
    head.push_back("Palier " + std::to_string(t));
    head.push_back("Seuil " + std::to_string(t));
    head.push_back("Montant palier " + std::to_string(t) + " (€)");
  }
  s.header(0, head);

  // Missions in catalogue order, then actions in project order (as the CSV export).
  std::vector<std::pair<std::size_t, const Indicator*>> rows;
  for (const Indicator& ind : p.indicators) {
    std::size_t rank = cat.missions.size() * (p.actions.size() + 1) + p.actions.size();
    for (std::size_t a = 0; a < p.actions.size(); ++a)
      if (p.actions[a].id == ind.action) {
        std::size_t m = cat.missions.size();
        for (std::size_t k = 0; k < cat.missions.size(); ++k)
          if (cat.missions[k].id == p.actions[a].mission) m = k;
        rank = m * (p.actions.size() + 1) + a;
        break;
      }
    rows.push_back({rank, &ind});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });

  int row = 1;
  Cents all = 0;
  for (const auto& [rank, ip] : rows) {
    const Indicator& ind = *ip;
    const Action* a = p.find_action(ind.action);
    const CatalogueMission* m = a ? cat.mission(a->mission) : nullptr;
    // "%" values are stored as numbers of percent (69.7): the cell holds 0.697 with a % format.
    const bool percent = ind.unit == "%";
    auto value = [&](int col, double v) {
      if (percent) s.number(row, col, v / 100.0, s.f.pct);
      else s.number(row, col, v, s.f.number);
    };
    s.text(row, 0, m ? m->short_fr : a ? a->mission : std::string());
    s.text(row, 1, a ? (a->title.empty() ? a->id : a->title) : ind.action);
    s.text(row, 2, ind.id);
    s.text(row, 3, ind.label);
    s.text(row, 4, ind.kind == IndicatorKind::Deliverable ? "Livrable" : "Résultat");
    s.text(row, 5, ind.unit);
    s.text(row, 6, ind.direction == Direction::Up ? "↑" : "↓");
    if (ind.baseline) value(7, *ind.baseline);
    for (const auto& [y, v] : ind.targets)
      if (y >= 1 && y <= kContractYears) value(7 + y, v);
    for (const auto& [y, v] : ind.actuals)
      if (y >= 1 && y <= kContractYears) value(7 + kContractYears + y, v);
    s.money(row, amount_col, ind.max_cents());
    all += ind.max_cents();
    s.text(row, amount_col + 1, ind.evidence);
    s.text(row, amount_col + 2, ind.source);
    for (std::size_t t = 0; t < ind.tiers.size(); ++t) {
      const int c = first_tier_col + 3 * static_cast<int>(t);
      s.text(row, c, ind.tiers[t].label.empty() ? std::to_string(t + 1) : ind.tiers[t].label);
      value(c + 1, ind.tiers[t].threshold);
      s.money(row, c + 2, ind.tiers[t].cents);
    }
    ++row;
  }
  s.text(row, amount_col - 1, "Total", s.f.bold);
  s.formula(row, amount_col, sum(1, row - 1, amount_col), euros(all), s.f.eur_total);
  std::vector<double> w = {22, 30, 11, 50, 10, 12, 5, 10};
  for (int k = 0; k < 2 * kContractYears; ++k) w.push_back(10);
  for (double x : {16.0, 30.0, 24.0}) w.push_back(x);
  for (std::size_t t = 0; t < max_tiers; ++t)
    for (double x : {14.0, 9.0, 14.0}) w.push_back(x);
  s.widths(w);
  if (row > 1) worksheet_autofilter(s.ws, 0, 0, static_cast<lxw_row_t>(row - 1), static_cast<lxw_col_t>(head.size() - 1));
  worksheet_freeze_panes(s.ws, 1, 3);
}

void budget_sheet(Sheet s, const Project& p, const FundingResult& r, int funding_total_row) {
  const auto budget = budget_by_year(p, r);
  const int total_col = 1 + kContractYears;
  std::vector<std::string> head = {"Montants en €"};
  for (int y = 1; y <= kContractYears; ++y) head.push_back("Année " + std::to_string(y));
  head.push_back("Total");
  s.header(0, head);
  // Rows 1–4: ACI (a reference to the funding sheet's TOTAL), other income, expenses, budgets.
  const char* labels[] = {"Financement ACI (plafond)", "Autres recettes", "Dépenses", "Budgets des fiches-actions"};
  Cents totals[4] = {};
  for (int k = 0; k < kContractYears; ++k) {
    const BudgetYear& b = budget[static_cast<std::size_t>(k)];
    s.formula(1, 1 + k, "=" + ref(xlsx_sheet_name(kFundingSheet), funding_total_row, 1 + k), euros(b.aci), s.f.eur);
    s.money(2, 1 + k, b.other_income);
    s.money(3, 1 + k, b.expenses);
    s.money(4, 1 + k, b.action_budgets);
    totals[0] += b.aci;
    totals[1] += b.other_income;
    totals[2] += b.expenses;
    totals[3] += b.action_budgets;
  }
  for (int i = 0; i < 4; ++i) {
    s.text(1 + i, 0, labels[i]);
    s.formula(1 + i, total_col, sum_across(1 + i, 1, kContractYears), euros(totals[i]), s.f.eur);
  }
  s.text(5, 0, "Solde (recettes − dépenses − budgets)", s.f.bold);
  for (int k = 0; k <= kContractYears; ++k) {
    const int c = 1 + k;
    const Cents bal = k < kContractYears ? budget[static_cast<std::size_t>(k)].balance() : totals[0] + totals[1] - totals[2] - totals[3];
    s.formula(5, c, "=" + xlsx_cell_ref(1, c) + "+" + xlsx_cell_ref(2, c) + "-" + xlsx_cell_ref(3, c) + "-" + xlsx_cell_ref(4, c),
              euros(bal), s.f.eur_total);
  }
  s.text(6, 0, "Part de l’ACI dans les recettes");
  for (int k = 0; k <= kContractYears; ++k) {
    const int c = 1 + k;
    const Cents aci = k < kContractYears ? budget[static_cast<std::size_t>(k)].aci : totals[0];
    const Cents income = aci + (k < kContractYears ? budget[static_cast<std::size_t>(k)].other_income : totals[1]);
    const std::string a = xlsx_cell_ref(1, c), o = xlsx_cell_ref(2, c);
    if (income != 0)
      s.formula(6, c, "=IF(" + a + "+" + o + "=0,0," + a + "/(" + a + "+" + o + "))",
                static_cast<double>(aci) / static_cast<double>(income), s.f.pct);
  }
  // The lines behind the figures.
  int row = 8;
  s.header(row++, {"Détail", "Année de contrat", "Montant (€)", "Nature"});
  auto lines = [&](const std::vector<YearAmount>& v, const char* nature) {
    for (const YearAmount& e : v) {
      s.text(row, 0, e.label);
      s.number(row, 1, e.year, s.f.number);
      s.money(row, 2, e.cents);
      s.text(row++, 3, nature);
    }
  };
  lines(p.other_income, "Autre recette");
  lines(p.expenses, "Dépense");
  for (const Action& a : p.actions)
    for (const BudgetLine& b : a.budget) {
      s.text(row, 0, (a.title.empty() ? a.id : a.title) + " — " + b.label);
      s.number(row, 1, b.year, s.f.number);
      s.money(row, 2, b.cents);
      s.text(row++, 3, "Budget de fiche-action");
    }
  s.widths({44, 15, 15, 15, 15, 15, 16});
  worksheet_freeze_panes(s.ws, 1, 1);
}

void communes_sheet(Sheet s, const Project& p) {
  s.header(0, {"Code INSEE", "Commune", "Département", "Population"});
  int row = 1;
  for (const Commune& c : p.territory.communes) {
    s.text(row, 0, c.insee);
    s.text(row, 1, c.name);
    s.text(row, 2, c.department);
    s.number(row++, 3, static_cast<double>(c.population), s.f.integer);
  }
  s.text(row, 2, "Total", s.f.bold);
  s.formula(row, 3, sum(1, row - 1, 3), static_cast<double>(p.territory.total_population()), s.f.integer_total);
  if (!p.territory.population_source.empty()) s.text(row + 2, 0, "Source : " + p.territory.population_source, s.f.note);
  s.widths({12, 36, 13, 13});
  worksheet_freeze_panes(s.ws, 1, 0);
}

// A unique temporary file name (the file exists, empty, owned by us): libxlsxwriter opens a path.
// $TMPDIR or /tmp (in wasm, /tmp of Emscripten's in-memory file system).
std::string temporary_path() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/cpts-classeur-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return {};
  close(fd);
  return path;
}

}  // namespace

// =================================================================================================
// [SECTION] The workbook
// =================================================================================================

XlsxWorkbook export_workbook(const Project& p, const FundingResult& r, const Date& date) {
  XlsxWorkbook out;
  if (!r.catalogue) {
    out.error = "classeur non écrit : pas de simulation";
    return out;
  }
  const std::string path = temporary_path();
  if (path.empty()) {
    out.error = "classeur non écrit : impossible de créer un fichier temporaire";
    return out;
  }
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    std::remove(path.c_str());
    out.error = "classeur non écrit : impossible d’ouvrir le fichier temporaire";
    return out;
  }
  const Formats f = make_formats(wb);
  // The title goes into docProps/core.xml as it is: no XML-forbidden control characters there
  // (cells escape them, _x0001_).
  std::string title = xlsx_text("Financement ACI — " + p.identity.name);
  for (char& c : title)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("Planificateur CPTS");
  // Reproducible bytes: the given date at noon UTC (not "now"), or 01/01/2000.
  const Date d = date.valid() ? date : Date{2000, 1, 1};
  props.created = static_cast<time_t>(to_days(d) * 86400 + 43200);
  workbook_set_properties(wb, &props);

  const int total_row = funding_sheet(Sheet{add_sheet(wb, kFundingSheet.c_str()), f}, p, r);
  calendar_sheet(Sheet{add_sheet(wb, "Financement par année civile"), f}, r);
  schedule_sheet(Sheet{add_sheet(wb, "Échéancier"), f}, r);
  indicators_sheet(Sheet{add_sheet(wb, "Indicateurs"), f}, p, r);
  budget_sheet(Sheet{add_sheet(wb, "Budget"), f}, p, r, total_row);
  communes_sheet(Sheet{add_sheet(wb, "Communes"), f}, p);

  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path.c_str());
    out.error = std::string("classeur non écrit : ") + lxw_strerror(err);
    return out;
  }
  // C stdio, not iostreams: <fstream> would bring libc++'s locale machinery (~60 KiB) into the page.
  if (std::FILE* in = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) out.bytes.append(buf, n);
    std::fclose(in);
  }
  std::remove(path.c_str());
  out.ok = !out.bytes.empty();
  if (!out.ok) out.error = "classeur non écrit : fichier temporaire illisible";
  return out;
}

}  // namespace cpts
