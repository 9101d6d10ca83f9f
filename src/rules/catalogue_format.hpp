// The catalogue file format (shared/catalogues/*.json), described field by field in the visitor
// style of model/schema.hpp. The file's shape differs from the Catalogue it becomes (euros become
// cents, amounts a table, "category" a flag), so these structs mirror the file itself. The
// description drives the reader (rules/catalogue.cpp, through the generic visitor of
// io/field_reader.hpp: allowed keys, types, limits), the JSON Schema and the Markdown document
// (io/schema_export.cpp); the reader adds by hand only the rules across objects and the conversion
// into a Catalogue. tests/cli/schema_validation.py checks that the shipped catalogues match the schema.
#pragma once
#include <string>
#include <vector>

#include "model/schema.hpp"
#include "rules/catalogue.hpp"

namespace cpts::catalogue_file {

constexpr const char* kFormat = "cpts-planner/catalogue-aci";
// Version 2 (issue #17): each amount line names how it is paid ("payment"), plus components
// beyond the nine ("extra_components") and ceilings shared by missions ("shared_ceilings").
// Version 1 files still load: their lines pay as default_payment_rule says (rules/catalogue.hpp).
constexpr int kSchemaVersion = 2;
constexpr int kOldestSchemaVersion = 1;
constexpr long long kMaxEuros = 10'000'000;

enum class Category { Socle, Optional };
extern const Words kCategoryWords, kProvenanceWords, kPayKindWords, kLumpOnWords, kPayYearsWords, kPayEventWords;

struct SizeThresholds {
  long long taille2_from = 0, taille3_from = 0, taille4_above = 0;
  std::string source;
};
struct Mission {
  std::string id, label_fr, label_en, short_fr, short_en;
  Category category = Category::Optional;
  int start_months = 0, deployed_months = 0;
  Date in_force_from;
  bool crisis = false;
  std::string source;
};
struct Amount {
  double euros = 0;
  Provenance provenance = Provenance::Estimate;
  std::string source;
};
struct ByTaille {
  Amount t1, t2, t3, t4;
};
struct Payment {
  PayKind kind = PayKind::Yearly;
  int advance_percent = 75;
  bool first_year_at_signature = false;
  LumpOn on = LumpOn::Signature;
  Date date, signed_until;
  PayYears years = PayYears::All;
  PayEvent event = PayEvent::CriseReconnue;
};
struct AmountLine {
  Component component = Component::Fixe;
  std::string mission;
  Payment payment;
  ByTaille by_taille;
};
struct ExtraComponent {
  std::string id, label_fr, label_en, mission;
  Payment payment;
  ByTaille by_taille;
  std::string source;
};
struct SharedCeiling {
  std::string id, label_fr, label_en;
  std::vector<std::string> missions;
  ByTaille by_taille;
  std::string source;
};
struct Topup {
  Date signed_until, paid_on;
  std::string source;
};
struct PassValue {
  int year = 0;
  double euros = 0;
  Provenance provenance = Provenance::Verified;
  std::string source;
};
struct Pass {
  int cap_from_year = 0;
  std::vector<PassValue> values;
};
struct File {
  std::string id, label_fr, label_en, reference;
  Date in_force_from;
  SizeThresholds size_thresholds;
  std::vector<Mission> missions;
  std::vector<AmountLine> amounts;
  std::vector<ExtraComponent> extra_components;
  std::vector<SharedCeiling> shared_ceilings;
  Topup avenant2_topup;
  Pass pass;
  std::string notes;
};

template <class S, class V> requires Describes<S, SizeThresholds>
void fields(S& t, V& v) {
  v.integer("taille2_from", t.taille2_from, {.required = true, .min = 1, .max = 10'000'000, .doc = "taille 2 à partir de"});
  v.integer("taille3_from", t.taille3_from, {.required = true, .min = 1, .max = 10'000'000, .doc = "taille 3 à partir de"});
  v.integer("taille4_above", t.taille4_above, {.required = true, .min = 1, .max = 10'000'000, .doc = "taille 4 au-delà de (exclu)"});
  v.text("source", t.source, {.required = true});
}

template <class S, class V> requires Describes<S, Mission>
void fields(S& m, V& v) {
  v.text("id", m.id, {.required = true, .doc = "« acces », « parcours », « prevention »…, unique"});
  v.text("label_fr", m.label_fr, {.required = true});
  v.text("label_en", m.label_en, {.required = true});
  v.text("short_fr", m.short_fr, {.required = true});
  v.text("short_en", m.short_en, {.required = true});
  v.enumeration("category", m.category, kCategoryWords, {.required = true});
  v.integer("start_months", m.start_months, {.min = 0, .max = 60, .doc = "démarrage au plus tard, en mois après la signature"});
  v.integer("deployed_months", m.deployed_months, {.min = 0, .max = 60, .doc = "déploiement complet au plus tard"});
  v.date("in_force_from", m.in_force_from, {.doc = "les délais courent au plus tôt de cette date"});
  v.boolean("crisis", m.crisis, {.doc = "payée en plan, mise à jour et activation"});
  v.text("source", m.source, {.required = true});
}

template <class S, class V> requires Describes<S, Amount>
void fields(S& a, V& v) {
  v.decimal("euros", a.euros, {.required = true, .min = 0, .max = kMaxEuros, .doc = "montant en euros, au plus 2 décimales"});
  v.enumeration("provenance", a.provenance, kProvenanceWords, {.required = true});
  v.text("source", a.source, {.required = true, .doc = "texte de référence, non vide"});
}

template <class S, class V> requires Describes<S, ByTaille>
void fields(S& b, V& v) {
  v.object("1", b.t1, {});
  v.object("2", b.t2, {});
  v.object("3", b.t3, {});
  v.object("4", b.t4, {});
}

template <class S, class V> requires Describes<S, Payment>
void fields(S& p, V& v) {
  v.enumeration("kind", p.kind, kPayKindWords,
                {.required = true,
                 .doc = "lump_sum : une fois à une date ; yearly : chaque année, avance puis solde ; prorated : chaque année "
                        "d’une mission, au prorata depuis son démarrage ; variable : sur indicateurs, en fin d’année ; "
                        "on_event : en fin d’une année où l’événement a eu lieu"});
  v.integer("advance_percent", p.advance_percent,
            {.min = 0, .max = 100, .doc = "yearly, prorated : part versée en début d’année (75 par défaut), le solde en fin d’année"});
  v.boolean("first_year_at_signature", p.first_year_at_signature, {.doc = "yearly : l’année 1 versée en entier à la signature"});
  v.enumeration("on", p.on, kLumpOnWords, {.doc = "lump_sum : à la signature (défaut), à la date « date », à la lettre d’intention"});
  v.date("date", p.date, {.doc = "lump_sum sur date : versé le plus tard de la signature et de cette date"});
  v.date("signed_until", p.signed_until, {.doc = "lump_sum : seulement pour les contrats signés au plus tard ce jour"});
  v.enumeration("years", p.years, kPayYearsWords, {.doc = "prorated : toutes les années (défaut), la première, les suivantes"});
  v.enumeration("event", p.event, kPayEventWords, {.doc = "on_event : crise sanitaire reconnue par l’ARS"});
}

template <class S, class V> requires Describes<S, AmountLine>
void fields(S& a, V& v) {
  v.enumeration("component", a.component, kComponentWords, {.required = true});
  v.text("mission", a.mission, {.doc = "mission du catalogue pour une composante de mission, sinon absente"});
  v.object("payment", a.payment, {.doc = "mode de versement (format 2, obligatoire) ; format 1 : celui de la composante"});
  v.object("by_taille", a.by_taille, {.required = true, .doc = "montant par taille 1 à 4 ; une taille absente n’est pas payée"});
}

template <class S, class V> requires Describes<S, ExtraComponent>
void fields(S& e, V& v) {
  v.text("id", e.id, {.required = true, .doc = "« appui_france_sante »…, unique"});
  v.text("label_fr", e.label_fr, {.required = true});
  v.text("label_en", e.label_en, {.required = true});
  v.text("mission", e.mission, {.doc = "mission du catalogue ; absente pour une composante du contrat"});
  v.object("payment", e.payment, {.required = true, .doc = "mode de versement (pas « variable »)"});
  v.object("by_taille", e.by_taille, {.required = true, .doc = "montant par taille 1 à 4 ; une taille absente n’est pas payée"});
  v.text("source", e.source, {.required = true});
}

template <class S, class V> requires Describes<S, SharedCeiling>
void fields(S& c, V& v) {
  v.text("id", c.id, {.required = true, .doc = "unique"});
  v.text("label_fr", c.label_fr, {.required = true});
  v.text("label_en", c.label_en, {.required = true});
  v.strings("missions", c.missions,
            {.required = true, .max_items = 20, .doc = "au moins deux missions du catalogue, chacune dans un seul plafond"});
  v.object("by_taille", c.by_taille,
           {.required = true, .doc = "plafond par année de la somme des parts variables de ces missions, par taille"});
  v.text("source", c.source, {.required = true});
}

template <class S, class V> requires Describes<S, Topup>
void fields(S& t, V& v) {
  v.date("signed_until", t.signed_until, {.required = true});
  v.date("paid_on", t.paid_on, {.required = true});
  v.text("source", t.source, {});
}

template <class S, class V> requires Describes<S, PassValue>
void fields(S& p, V& v) {
  v.calendar_year("year", p.year, {.required = true});
  v.decimal("euros", p.euros, {.required = true, .min = 0, .max = kMaxEuros, .doc = "montant en euros, au plus 2 décimales"});
  v.enumeration("provenance", p.provenance, kProvenanceWords, {.required = true});
  v.text("source", p.source, {.required = true});
}

template <class S, class V> requires Describes<S, Pass>
void fields(S& p, V& v) {
  v.calendar_year("cap_from_year", p.cap_from_year, {.required = true, .doc = "plafond des rémunérations à partir de"});
  v.list("values", p.values, {.max_items = 200});
}

template <class S, class V> requires Describes<S, File>
void fields(S& c, V& v) {
  v.constant("format", kFormat);
  v.constant("schema_version", kSchemaVersion);
  v.text("id", c.id, {.required = true, .doc = "« aci-2019-avenant2 »"});
  v.text("label_fr", c.label_fr, {.required = true});
  v.text("label_en", c.label_en, {.required = true});
  v.text("reference", c.reference, {.required = true, .doc = "texte juridique"});
  v.date("in_force_from", c.in_force_from, {.required = true});
  v.object("size_thresholds", c.size_thresholds, {.required = true});
  v.list("missions", c.missions, {.required = true, .max_items = 20});
  v.list("amounts", c.amounts, {.max_items = 200});
  v.list("extra_components", c.extra_components, {.omit_empty = true, .max_items = 50, .doc = "format 2 : composantes en plus des neuf"});
  v.list("shared_ceilings", c.shared_ceilings,
         {.omit_empty = true, .max_items = 20, .doc = "format 2 : plafonds communs à plusieurs missions (enveloppes fongibles)"});
  v.object("avenant2_topup", c.avenant2_topup, {});
  v.object("pass", c.pass, {.doc = "plafond annuel de la sécurité sociale (décret 2022-375)"});
  v.text("notes", c.notes, {});
}

}  // namespace cpts::catalogue_file
