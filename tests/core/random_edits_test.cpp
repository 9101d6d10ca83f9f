// Random edits as a test (issue #13, item 5): long seeded sequences of every kind of edit through
// the core's edit vocabulary, on each sample and on the stress project. After every step: the
// project validates, save → load → save is byte-identical; at the end, undoing everything gives
// back the original bytes. History runs in strict mode: project surgery that breaks a loader rule
// throws. CPTS_RANDOM_EDITS sets the total number of edits (default 100 000); CPTS_RANDOM_SEED
// replays one seed. A failure prints its seed and the last steps.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <deque>
#include <random>

#include "../lib/random_edits.hpp"
#include "edit/edits.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "io/stress.hpp"

using namespace cpts;

namespace {

long env_long(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

struct Outcome {
  long steps = 0, refused = 0, changed = 0;
};

// Plays `steps` random edits on `start` with `seed`. History validates after every edit (strict:
// surgery that breaks a rule throws, undo and redo are checked too); `roundtrip_every`: every how
// many changes save → load → save is compared (the load also validates the project again).
Outcome play(const Project& start, const std::string& what, std::uint64_t seed, long steps, long roundtrip_every, bool big) {
  Outcome out;
  History::set_strict(true);
  History h(start);
  const std::string original = save_project(start);
  std::mt19937_64 rng(seed);
  editgen::RandomEdits engine(h, [&] { return static_cast<std::uint32_t>(rng()); }, big);
  std::deque<std::string> last;
  std::uint64_t revision = h.revision();
  auto fail = [&](const std::string& why) {
    std::string replay;
    for (const std::string& s : last) replay += "\n    " + s;
    ADD_FAILURE() << what << " : " << why << "\n  graine " << seed << " (CPTS_RANDOM_SEED=" << seed
                  << "), pas " << out.steps << ", derniers pas :" << replay;
  };
  for (; out.steps < steps; ++out.steps) {
    std::string step;
    bool refused = false;
    try {
      step = engine.step(&refused);
    } catch (const std::exception& e) {
      last.push_back("(exception)");
      fail(e.what());
      return out;
    }
    out.refused += refused;
    last.push_back(step);
    if (last.size() > 12) last.pop_front();
    // A refused or ineffective edit left the project as it was (History checked it already).
    if (h.revision() == revision) continue;
    revision = h.revision();
    if (++out.changed % roundtrip_every == 0) {
      std::string saved = save_project(h.project());
      ProjectLoad back = load_project(saved);
      std::string again = back.project ? save_project(*back.project) : std::string();
      if (again != saved) {
        std::size_t at = 0;
        while (at < saved.size() && at < again.size() && saved[at] == again[at]) ++at;
        std::size_t from = saved.rfind('\n', at) + 1;
        fail("save → load → save diffère à la ligne « " + saved.substr(from, saved.find('\n', at) - from) + " » → « " +
             again.substr(from, again.find('\n', at) - from) + " »" + (back.errors.empty() ? "" : " ; " + back.errors.front().message));
        return out;
      }
    }
  }
  while (h.can_undo()) h.undo();
  // History keeps the last kMaxSteps steps: when more were recorded, the oldest cannot be undone.
  if (save_project(h.project()) != original && out.steps <= static_cast<long>(History::kMaxSteps)) fail("tout annuler ne rend pas le projet d’origine");
  return out;
}

}  // namespace

// Undo everything restores the original bytes: short runs (≤ History::kMaxSteps) so that every
// step can be undone, many seeds; plus the long runs below, each ending with its own check.
TEST(RandomEdits, SamplesAndStressProject) {
#ifdef __EMSCRIPTEN__
  const long total = env_long("CPTS_RANDOM_EDITS", 3000);  // under node: the same engine, fewer steps
#else
  const long total = env_long("CPTS_RANDOM_EDITS", 100000);
#endif
  const long only_seed = env_long("CPTS_RANDOM_SEED", -1);
  const auto ids = sample_ids();
  ASSERT_FALSE(ids.empty());
  // The stress project is big (validation and save ≈ 100× a sample): a small share of the edits.
  // save → load → save costs 3 of History's validations: every CPTS_RANDOM_ROUNDTRIP changes
  // (default 10) on the samples, 5 times less often on the stress project.
  const long stress_steps = std::max(20L, total / 2000);
  const long every = env_long("CPTS_RANDOM_ROUNDTRIP", 10);
  const long n_samples = static_cast<long>(ids.size());
  const long per_sample = (total - stress_steps + n_samples - 1) / n_samples;  // rounded up: at least `total`
  const long run_length = static_cast<long>(History::kMaxSteps);  // every run can be undone fully
  auto t0 = std::chrono::steady_clock::now();
  long played = 0, refused = 0;
  for (std::size_t s = 0; s < ids.size(); ++s) {
    ProjectLoad l = load_project(sample_text(ids[s]));
    ASSERT_TRUE(l.project) << ids[s];
    for (long done = 0, run = 0; done < per_sample; done += run_length, ++run) {
      std::uint64_t seed = only_seed >= 0 ? static_cast<std::uint64_t>(only_seed) : 1000 * (s + 1) + static_cast<std::uint64_t>(run);
      Outcome o = play(*l.project, ids[s], seed, std::min(run_length, per_sample - done), every, false);
      played += o.steps;
      refused += o.refused;
      if (::testing::Test::HasFailure() || only_seed >= 0) break;
    }
    if (::testing::Test::HasFailure()) return;
  }
  Project stress = make_stress_project();
  Outcome o = play(stress, "stress", only_seed >= 0 ? static_cast<std::uint64_t>(only_seed) : 77, stress_steps, every * 5, true);
  played += o.steps;
  refused += o.refused;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("[ random edits ] %ld edits (%ld refused user values) in %.1f s\n", played, refused, seconds);
  EXPECT_GE(played, only_seed >= 0 ? 1 : total);
}

// The scenarios of issue #13 through the core vocabulary.
TEST(Edits, DeleteProfessionalTakesPaymentsAndOneUndoRestores) {
  History::set_strict(true);
  ProjectLoad l = load_project(sample_text(sample_ids().front()));
  ASSERT_TRUE(l.project);
  Project p = *l.project;
  // The first professional with payments.
  std::size_t i = 0;
  while (i < p.professionals.size() && edits::preview_delete(p, edits::ListKind::Professionals, i).payments == 0) ++i;
  ASSERT_LT(i, p.professionals.size());
  const std::size_t payments = edits::preview_delete(p, edits::ListKind::Professionals, i).payments;
  History h(p);
  const std::string before = save_project(p);
  EditResult r = h.execute(edits::delete_item(p, edits::ListKind::Professionals, i, "Supprimer"));
  ASSERT_TRUE(r.applied);
  EXPECT_EQ(h.project().professionals.size(), p.professionals.size() - 1);
  EXPECT_EQ(h.project().member_payments.size(), p.member_payments.size() - payments);
  EXPECT_TRUE(validate_project(h.project()).empty());
  h.undo();
  EXPECT_EQ(save_project(h.project()), before);
}

TEST(Edits, PlainEraseOfAProfessionalWithPaymentsIsRefused) {
  ProjectLoad l = load_project(sample_text(sample_ids().front()));
  ASSERT_TRUE(l.project);
  std::string id = l.project->member_payments.at(0).professional;
  std::size_t i = 0;
  while (l.project->professionals[i].id != id) ++i;
  History h(*l.project);
  Command raw = erase_item<Professional>("Supprimer", [](Project& q) { return &q.professionals; }, i);
  History::set_strict(true);
  EXPECT_THROW(h.execute(raw), InvariantViolation);  // debug and tests: a bug, loudly
  History::set_strict(false);
  EditResult r = h.execute(raw);                      // release: refused, nothing changed
  History::set_strict(true);
  EXPECT_FALSE(r.applied);
  ASSERT_FALSE(r.refused.empty());
  EXPECT_EQ(r.refused.front().path, "$.finance.member_payments[0].professional");
  EXPECT_EQ(r.message().rfind("Modification refusée : identifiant d’un professionnel du projet", 0), 0u) << r.message();
  EXPECT_EQ(save_project(h.project()), save_project(*l.project));
  EXPECT_FALSE(h.can_undo());
}

TEST(Edits, SwitchToAci2019ListsCriseAndKeepsTheProjectValid) {
  History::set_strict(true);
  const Catalogue& cat = builtin_catalogues().front();
  Project p = new_project("Nouveau", Date{2024, 3, 1}, *find_catalogue(kDefaultCatalogue));
  (void)cat;
  auto preview = edits::preview_catalogue_switch(p, "aci-2019");
  ASSERT_TRUE(preview);
  ASSERT_EQ(preview->missions.size(), 1u);
  EXPECT_EQ(preview->missions[0], "crise");
  History h(p);
  EditResult r = h.execute(edits::switch_catalogue(p, "aci-2019", "Changer de catalogue"));
  ASSERT_TRUE(r.applied) << r.message();
  EXPECT_EQ(h.project().contract.catalogue, "aci-2019");
  EXPECT_EQ(h.project().missions.size(), p.missions.size() - 1);
  h.undo();
  EXPECT_EQ(save_project(h.project()), save_project(p));
}

TEST(Edits, InvalidInseeIsRefusedAndDuplicateActionGetsFreshIds) {
  History::set_strict(true);
  ProjectLoad l = load_project(sample_text(sample_ids().front()));
  ASSERT_TRUE(l.project);
  History h(*l.project);
  EditResult r = h.execute(set_value<std::string>("INSEE", [](Project& q) { return &q.territory.communes.at(0).insee; }, "ABC"));
  EXPECT_FALSE(r.applied);
  ASSERT_FALSE(r.refused.empty());
  EXPECT_EQ(r.refused.front().path, "$.territory.communes[0].insee");
  const Project& p = h.project();
  std::size_t a = 0;
  std::size_t own = 0;
  for (const Indicator& x : p.indicators) own += x.action == p.actions[a].id;
  EditResult d = h.execute(edits::duplicate_item(p, edits::ListKind::Actions, a, "Dupliquer"));
  ASSERT_TRUE(d.applied) << d.message();
  EXPECT_EQ(h.project().actions.size(), l.project->actions.size() + 1);
  EXPECT_EQ(h.project().indicators.size(), l.project->indicators.size() + own);
  EXPECT_NE(h.project().actions[1].id, h.project().actions[0].id);
}
