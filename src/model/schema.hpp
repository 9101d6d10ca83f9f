// The project file format, described once. Each struct of project.hpp lists its fields here, in
// file order, visitor style (as cereal's serialize(Archive&)): name, kind, required or optional,
// limits, enum words, references. Visitors walk these descriptions:
//   io/project_json.cpp     writer (canonical text) and reader (allowed keys, types, limits)
//   io/project_validate.cpp in-memory validator (the reader's messages, without a save + load)
//   io/schema_export.cpp    JSON Schema (draft 2020-12) and the Markdown format document
// Cross-object rules (unique ids, references, catalogue) are written by hand in
// rules/project_rules.cpp; migrations from older versions in io/project_json.cpp.
//
// [SECTION] Limits and enum words
// [SECTION] Field options
// [SECTION] Field descriptions (one function per struct)
#pragma once
#include <concepts>
#include <cstddef>
#include <string>
#include <type_traits>

#include "model/project.hpp"

namespace cpts {

// ---------------------------------------------------------------------------------------------
// [SECTION] Limits and enum words
// ---------------------------------------------------------------------------------------------

constexpr const char* kProjectFormat = "cpts-planner/projet";
constexpr int kProjectSchemaVersion = 2;

// Documented list limits (README, "Limites").
constexpr std::size_t kMaxCommunes = 5000;
constexpr std::size_t kMaxActions = 10000;
constexpr std::size_t kMaxIndicators = 50000;
constexpr std::size_t kMaxMeasurements = 1000;        // per indicator: weekly over the 5 years is 261
constexpr long long kMaxPopulation = 100'000'000;
constexpr Cents kMaxProjectCents = 100'000'000'000;  // ±10^11 cents = ±1 milliard d'euros
constexpr double kMaxValue = 1e15;                    // indicator / diagnostic values: finite and within ±this
constexpr std::size_t kMaxIdBytes = 64;
constexpr int kMinCalendarYear = 1990, kMaxCalendarYear = 2200;
constexpr std::size_t kMaxTextBytes = 100000;         // one text field (= the parser's kMaxStringBytes)
constexpr std::size_t kMaxFingerprints = 200000;

// The words of an enumeration, in the enum's order (project.hpp).
struct Words {
  const char* const* words;
  int count;
  const char* noun = nullptr;  // "composante": message "composante attendue (a, b…)" instead of "« a » ou « b » attendu"
};
extern const Words kScenarioWords, kSnpPaymentWords;  // "plafond", … / "avance", "fin_annee"
extern const Words kProrataWords, kStatusWords, kKindWords, kDirectionWords, kPartialWords, kComponentWords;

// INSEE commune code: 5 characters, digits except Corsica's "2A"/"2B" prefix ("71306", "2A004").
bool valid_insee(const std::string& s);
// Department: "71", "2A", "974".
bool valid_department(const std::string& s);

// ---------------------------------------------------------------------------------------------
// [SECTION] Field options
// ---------------------------------------------------------------------------------------------

// Designated initializers must follow this order.
struct Field {
  bool required = false;
  bool omit_empty = false;               // written only when non-empty (sections added after version 2 began);
                                         // an enumeration: only when not its first word (the default)
  long long min = 0, max = 0;            // integer: bounds; contract year, cents: lower bound only
  std::size_t max_items = 0;             // lists, string lists
  bool (*format)(const std::string&) = nullptr;  // text: checked when non-empty
  const char* format_expected = nullptr; // text: what the format wants, in French
  const char* pattern = nullptr;         // text: the same as a JSON Schema regular expression
  const char* ref = nullptr;             // text: "actions", "professionals" (id in that list), "mission" (catalogue)
  bool zero_allowed = false;             // calendar year: 0 = unknown
  const char* doc = "";                  // French description (JSON Schema, Markdown document)
};

template <class S, class T>
concept Describes = std::same_as<std::remove_const_t<S>, T>;

// ---------------------------------------------------------------------------------------------
// [SECTION] Field descriptions (one function per struct)
// ---------------------------------------------------------------------------------------------
// `S` is the struct, const or not (the writer and the validator read, the reader fills); `V` the
// visitor. Order = order in the file.

template <class S, class V> requires Describes<S, Contact>
void fields(S& c, V& v) {
  v.text("role", c.role, {.doc = "fonction (président, coordinatrice…)"});
  v.text("name", c.name, {});
  v.text("email", c.email, {});
  v.text("phone", c.phone, {});
}

template <class S, class V> requires Describes<S, Identity>
void fields(S& id, V& v) {
  v.text("name", id.name, {.doc = "nom de la CPTS"});
  v.text("association", id.association, {.doc = "entité juridique (association loi 1901…)"});
  v.text("rna", id.rna, {.doc = "numéro RNA (facultatif)"});
  v.text("finess", id.finess, {.doc = "numéro FINESS (facultatif)"});
  v.list("contacts", id.contacts, {.max_items = 100});
}

template <class S, class V> requires Describes<S, TailleOverride>
void fields(S& t, V& v) {
  v.integer("taille", t.taille, {.min = 0, .max = 4, .doc = "taille imposée par le contrat, 0 = calculée"});
  v.text("justification", t.justification, {.doc = "obligatoire quand la taille est imposée"});
}

template <class S, class V> requires Describes<S, Commune>
void fields(S& c, V& v) {
  v.text("insee", c.insee,
         {.format = valid_insee,
          .format_expected = "code INSEE de 5 caractères attendu (ex. « 71306 », « 2A004 ») ou vide pour une ligne agrégée",
          .pattern = "^([0-9]{5}|2[AB][0-9]{3})?$",
          .doc = "code INSEE (5 caractères), unique ; vide pour une ligne agrégée"});
  v.text("name", c.name, {.required = true});
  v.text("department", c.department,
         {.format = valid_department,
          .format_expected = "numéro de département attendu (ex. « 71 », « 2A », « 974 »)",
          .pattern = "^([0-9]{2,3}|2[AB])?$",
          .doc = "département (« 71 », « 2A », « 974 ») ; vide si la ligne en couvre plusieurs"});
  v.integer("population", c.population, {.required = true, .min = 0, .max = kMaxPopulation});
  v.text("source", c.source,
         {.omit_empty = true,
          .doc = "source de la population de cette ligne (liste officielle et année, comptage local d’un IRIS ou "
                 "d’un quartier…) ; absente : celle du territoire (population_source)"});
}

template <class S, class V> requires Describes<S, Territory>
void fields(S& t, V& v) {
  v.text("population_source", t.population_source, {.doc = "source des populations (Rézone CPTS, INSEE…)"});
  v.object("taille_override", t.taille_override, {});
  v.list("communes", t.communes, {.max_items = kMaxCommunes, .doc = "population totale au plus 100 000 000"});
}

template <class S, class V> requires Describes<S, Contract>
void fields(S& c, V& v) {
  v.date("signature", c.signature, {.doc = "date de signature du contrat ACI"});
  v.text("catalogue", c.catalogue, {.required = true, .ref = "catalogue", .doc = "version du catalogue ACI"});
  v.enumeration("prorata", c.prorata, kProrataWords, {.doc = "première année partielle : mois entiers ou jours"});
  v.boolean("prorate_variable", c.prorate_variable, {.doc = "part variable proratisée comme la part fixe"});
  v.boolean("boundary_80000_taille3", c.boundary_80000_taille3, {.doc = "80 000 habitants exactement : taille 3 (sinon 2)"});
  v.date("lettre_intention", c.lettre_intention, {.doc = "validation de la lettre d’intention par l’ARS"});
  v.boolean("pay_lettre_intention", c.pay_lettre_intention, {.doc = "compter le versement de la lettre d’intention"});
  // Added after version 2 began: written only when not the default, so that files which keep the
  // defaults still open in earlier builds.
  v.enumeration("snp_payment", c.snp_payment, kSnpPaymentWords,
                {.omit_empty = true,
                 .doc = "enveloppe soins non programmés : avance de 75 % comme la part fixe (défaut) ou versée en fin d’année de contrat"});
  v.enumeration("scenario", c.scenario, kScenarioWords,
                {.omit_empty = true,
                 .doc = "scénario des montants affichés et exportés : plafond (défaut), pessimiste, realiste, optimiste ou constate (valeurs relevées, sinon réaliste)"});
  v.date("review_date", c.review_date,
         {.omit_empty = true,
          .doc = "date de la revue annuelle avec la CPAM et l’ARS ; s’applique à l’année de contrat dont l’anniversaire est à "
                 "moins de six mois ; absente : l’anniversaire du contrat (tableau de bord)"});
}

template <class S, class V> requires Describes<S, Professional>
void fields(S& x, V& v) {
  v.id("id", x.id, {});
  v.text("name", x.name, {});
  v.text("profession", x.profession, {});
  v.text("structure", x.structure, {.doc = "MSP, centre de santé, cabinet, établissement"});
  v.boolean("member", x.member, {.doc = "adhérent de la CPTS"});
}

template <class S, class V> requires Describes<S, College>
void fields(S& x, V& v) {
  v.text("name", x.name, {});
  v.integer("seats", x.seats, {.min = 0, .max = 10000});
  v.strings("members", x.members, {.max_items = 10000, .doc = "noms ou identifiants de professionnels"});
}

template <class S, class V> requires Describes<S, DiagnosticIndicator>
void fields(S& d, V& v) {
  v.id("id", d.id, {});
  v.text("label", d.label, {});
  v.number("value", d.value, {});
  v.text("unit", d.unit, {});
  v.text("source", d.source, {});
  v.calendar_year("year", d.year, {.zero_allowed = true, .doc = "année de la donnée, 0 = inconnue"});
  v.text("comment", d.comment, {});
}

template <class S, class V> requires Describes<S, ProjectMission>
void fields(S& m, V& v) {
  v.text("mission", m.mission, {.required = true, .ref = "mission", .doc = "mission du catalogue, une seule fois"});
  v.boolean("chosen", m.chosen, {});
  v.date("start", m.start, {.doc = "démarrage prévu ou réel"});
  v.date("deployed", m.deployed, {.doc = "déploiement complet prévu"});
  v.text("notes", m.notes, {});
}

template <class S, class V> requires Describes<S, BudgetLine> || Describes<S, YearAmount>
void fields(S& y, V& v) {
  v.text("label", y.label, {});
  v.contract_year("year", y.year, {.required = true, .min = 1});
  v.cents("amount_cents", y.cents, {.required = true, .min = -kMaxProjectCents});
}

template <class S, class V> requires Describes<S, Action>
void fields(S& a, V& v) {
  v.id("id", a.id, {});
  v.text("mission", a.mission, {.required = true, .ref = "mission"});
  v.text("title", a.title, {});
  v.text("objective", a.objective, {});
  v.text("pilot", a.pilot, {});
  v.strings("partners", a.partners, {.max_items = 100});
  v.text("target_population", a.target_population, {});
  v.date("start", a.start, {});
  v.date("end", a.end, {});
  v.enumeration("status", a.status, kStatusWords, {});
  v.list("budget", a.budget, {.max_items = 100});
  v.text("comments", a.comments, {.doc = "suivi (rapport annuel)"});
  v.boolean("example", a.example, {.doc = "fiche d’illustration (exemples), pas d’un contrat réel"});
  v.text("cls", a.cls_link, {.omit_empty = true, .doc = "lien avec le contrat local de santé (CLS)"});
}

template <class S, class V> requires Describes<S, Tier>
void fields(S& t, V& v) {
  v.text("label", t.label, {.doc = "« socle », « intermédiaire », « objectif »"});
  v.number("threshold", t.threshold, {.required = true, .doc = "valeur à atteindre"});
  v.cents("amount_cents", t.cents, {.required = true, .min = 0, .doc = "versé quand ce palier est le plus haut atteint"});
}

template <class S, class V> requires Describes<S, Assumptions>
void fields(S& a, V& v) {
  v.probability("pessimistic", a.pessimistic, {});
  v.probability("realistic", a.realistic, {});
  v.probability("optimistic", a.optimistic, {});
}

template <class S, class V> requires Describes<S, Measurement>
void fields(S& m, V& v) {
  v.date("date", m.date, {.required = true, .doc = "date de la mesure, dans les 5 années du contrat (ou l’année de la dernière revue)"});
  v.number("value", m.value, {.required = true});
  v.text("source", m.source, {.doc = "d’où vient la valeur (requête CPAM, tableau de bord…)"});
  v.boolean("final", m.final, {.doc = "valeur retenue pour l’année de contrat de la mesure"});
}

template <class S, class V> requires Describes<S, Indicator>
void fields(S& i, V& v) {
  v.id("id", i.id, {});
  v.text("action", i.action, {.required = true, .ref = "actions", .doc = "fiche-action de l’indicateur"});
  v.text("label", i.label, {});
  v.enumeration("kind", i.kind, kKindWords, {.doc = "indicateur d’action (livrable) ou de résultat"});
  v.text("unit", i.unit, {});
  v.enumeration("direction", i.direction, kDirectionWords, {.doc = "hausse : plus haut est mieux ; baisse : plus bas"});
  v.optional_number("baseline", i.baseline, {.doc = "valeur de départ, null = inconnue"});
  v.calendar_year("baseline_year", i.baseline_year, {.omit_empty = true, .doc = "année civile de la valeur de départ"});
  v.year_map("targets", i.targets, {.doc = "cible par année de contrat"});
  v.list("tiers", i.tiers, {.max_items = 20, .doc = "paliers de paiement"});
  v.cents("amount_cents", i.cents, {.min = 0, .doc = "montant unique (livrable ou cible unique)"});
  v.enumeration("partial", i.partial, kPartialWords, {.doc = "paiement partiel linéaire d’une cible unique"});
  v.text("evidence", i.evidence, {.doc = "justificatif attendu"});
  v.text("source", i.source, {.doc = "source de la donnée"});
  v.year_map("actuals", i.actuals, {.doc = "valeur observée par année (livrable : 1 = fait)"});
  v.year_map("evidence_received", i.evidence_received, {.doc = "justificatif reçu par année"});
  v.object("assumptions", i.assumptions, {.doc = "probabilité d’atteindre la cible selon le scénario"});
  v.boolean("example", i.example, {});
  v.list("measurements", i.measurements,
         {.omit_empty = true,
          .max_items = kMaxMeasurements,
          .doc = "mesures datées de l’année (tableau de bord) : triées par date, une par date ; la valeur de l’année est "
                 "celle marquée retenue, sinon la dernière de l’année"});
}

template <class S, class V> requires Describes<S, MemberPayment>
void fields(S& m, V& v) {
  v.text("professional", m.professional, {.required = true, .ref = "professionals"});
  v.calendar_year("calendar_year", m.calendar_year, {.required = true});
  v.cents("amount_cents", m.cents, {.required = true, .min = 0});
  v.text("kind", m.kind, {.doc = "« indemnité » ou « rémunération »"});
}

template <class S, class V> requires Describes<S, AmountOverride>
void fields(S& o, V& v) {
  v.enumeration("component", o.component, kComponentWords, {.required = true});
  v.text("mission", o.mission, {.doc = "mission du catalogue pour une composante de mission, sinon vide"});
  v.contract_year("year", o.year, {.min = 0, .doc = "année de contrat, 0 = toutes"});
  v.cents("amount_cents", o.cents, {.required = true, .min = 0});
  v.text("note", o.note, {.doc = "« Annexe 2 du contrat signé le … »"});
}

template <class S, class V> requires Describes<S, CrisisActivation>
void fields(S& c, V& v) {
  v.contract_year("year", c.year, {.required = true, .min = 1});
  v.text("label", c.label, {});
}

template <class S, class V> requires Describes<S, Decision>
void fields(S& d, V& v) {
  v.date("date", d.date, {});
  v.text("subject", d.subject, {});
  v.text("decision", d.decision, {});
  v.text("owner", d.owner, {});
}

template <class S, class V> requires Describes<S, Rating>
void fields(S& r, V& v) {
  v.text("group", r.group, {.required = true});
  v.integer("impact", r.impact, {.min = 0, .max = 5, .doc = "0 = non noté"});
  v.integer("feasibility", r.feasibility, {.min = 0, .max = 5, .doc = "0 = non noté"});
  v.integer("votes", r.votes, {.min = 0, .max = 1000});
}

template <class S, class V> requires Describes<S, Candidate>
void fields(S& c, V& v) {
  v.id("id", c.id, {});
  v.text("mission", c.mission, {.required = true, .ref = "mission"});
  v.text("title", c.title, {.required = true});
  v.text("description", c.description, {});
  v.boolean("retained", c.retained, {});
  v.text("action", c.action, {.doc = "fiche-action créée à partir de cette proposition"});
  v.list("ratings", c.ratings, {.max_items = 200});
}

template <class S, class V> requires Describes<S, Variant>
void fields(S& x, V& v) {
  v.text("name", x.name, {.required = true});
  v.text("note", x.note, {});
  v.project("project", x.project, {.required = true, .doc = "projet complet, sans variantes ni copie de groupe"});
}

template <class S, class V> requires Describes<S, GroupCopy>
void fields(S& g, V& v) {
  v.text("group", g.group, {.required = true});
  v.date("made_on", g.made_on, {});
  v.fingerprints("base", g.base, {.max_items = kMaxFingerprints, .doc = "« action:A3 » → empreinte hexadécimale"});
}

template <class S, class V> requires Describes<S, Project>
void fields(S& p, V& v) {
  v.constant("format", kProjectFormat);
  v.constant("schema_version", kProjectSchemaVersion);
  v.object("identity", p.identity, {.required = true});
  v.object("territory", p.territory, {.required = true});
  v.object("contract", p.contract, {.required = true});
  v.catalogue("embedded_catalogue", p.embedded_catalogue,
              {.omit_empty = true,
               .doc = "catalogue importé que nomme contract.catalogue (format de docs/format-catalogue.md) ; absent pour un "
                      "catalogue fourni avec l’application"});
  v.list("professionals", p.professionals, {.max_items = 10000});
  v.list("colleges", p.colleges, {.max_items = 100});
  v.list("diagnostic", p.diagnostic, {.max_items = 1000});
  v.list("missions", p.missions, {.max_items = 20});
  v.list("actions", p.actions, {.max_items = kMaxActions, .doc = "fiches-actions"});
  v.list("indicators", p.indicators, {.max_items = kMaxIndicators});
  v.section("finance", {}, [&](auto& f) {
    f.list("expenses", p.expenses, {.max_items = 10000});
    f.list("other_income", p.other_income, {.max_items = 10000});
    f.list("member_payments", p.member_payments, {.max_items = 100000, .doc = "décret 2022-375"});
  });
  v.list("overrides", p.overrides, {.max_items = 1000, .doc = "montants de l’annexe du contrat ; priment sur le catalogue"});
  v.list("crises", p.crises, {.max_items = 100, .doc = "crises reconnues par l’ARS"});
  v.list("decisions", p.decisions, {.max_items = 10000, .doc = "relevé de décisions"});
  v.list("candidates", p.candidates, {.omit_empty = true, .max_items = 10000, .doc = "atelier : propositions d’actions"});
  v.list("variants", p.variants, {.omit_empty = true, .max_items = 20});
  v.object("group_copy", p.group_copy, {.omit_empty = true, .doc = "copie remise à un groupe de travail"});
  v.text("notes", p.notes, {});
}

// For `omit_empty`: a group copy is empty when it names no group.
inline bool is_empty(const GroupCopy& g) { return g.group.empty(); }

}  // namespace cpts
