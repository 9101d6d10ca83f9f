#include "edit/merge.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "io/project_json.hpp"
#include "io/samples.hpp"

using namespace cpts;

namespace {
Project sample(const char* id) { return *load_project(sample_text(id)).project; }

const MergeItem* find(const MergePlan& plan, ObjectKind kind, const std::string& id) {
  for (const MergeItem& i : plan.items)
    if (i.kind == kind && i.id == id) return &i;
  return nullptr;
}

Indicator* indicator(Project& p, const std::string& id) {
  for (auto& i : p.indicators)
    if (i.id == id) return &i;
  return nullptr;
}
}  // namespace

TEST(Merge, GroupChangesAreListedAndConflictsAskForAChoice) {
  Project coordinator = sample("cpts-centre-saone-et-loire");
  Project group = prepare_group_copy(coordinator, "Groupe prévention", {2025, 2, 1});
  // The copy survives its round trip through a file.
  group = *load_project(save_project(group)).project;
  ASSERT_EQ(group.group_copy.group, "Groupe prévention");
  ASSERT_GE(coordinator.indicators.size(), 3u);
  const std::string shared_id = coordinator.indicators[0].id, removed_id = coordinator.indicators[1].id,
                    changed_id = coordinator.indicators[2].id;

  // The group: edits the same indicator as the coordinator, edits another, removes a third, adds
  // an action with its indicator.
  indicator(group, shared_id)->evidence = "Version du groupe";
  indicator(group, changed_id)->source = "Rézone CPTS 2024";
  group.indicators.erase(std::remove_if(group.indicators.begin(), group.indicators.end(), [&](const Indicator& i) { return i.id == removed_id; }),
                         group.indicators.end());
  Action a{"A90", "prevention", "Stand de dépistage au marché"};
  group.actions.push_back(a);
  Indicator ni{"I90", "A90", "Stands tenus", IndicatorKind::Deliverable};
  group.indicators.push_back(ni);
  // Meanwhile the coordinator edits the shared indicator too, and adds an action with the same id.
  indicator(coordinator, shared_id)->evidence = "Version du coordinateur";
  coordinator.actions.push_back({"A90", "acces", "Autre action du coordinateur"});

  MergePlan plan = plan_merge(coordinator, group);
  ASSERT_TRUE(plan.problems.empty());
  const MergeItem* conflict = find(plan, ObjectKind::Indicator, shared_id);
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->change, ChangeKind::Conflict);
  EXPECT_FALSE(conflict->take);  // nothing overwritten without a choice
  ASSERT_TRUE(find(plan, ObjectKind::Indicator, changed_id));
  EXPECT_EQ(find(plan, ObjectKind::Indicator, changed_id)->change, ChangeKind::Changed);
  EXPECT_EQ(find(plan, ObjectKind::Indicator, removed_id)->change, ChangeKind::Removed);
  EXPECT_EQ(find(plan, ObjectKind::Action, "A90")->change, ChangeKind::Added);
  EXPECT_EQ(find(plan, ObjectKind::Indicator, "I90")->change, ChangeKind::Added);
  EXPECT_EQ(plan.items.size(), 5u);  // nothing else: untouched items are not listed

  Project merged = apply_merge(coordinator, group, plan);
  EXPECT_EQ(indicator(merged, shared_id)->evidence, "Version du coordinateur");
  EXPECT_EQ(indicator(merged, changed_id)->source, "Rézone CPTS 2024");
  EXPECT_FALSE(merged.find_indicator(removed_id));
  // The group's A90 got a fresh id (A90 was taken) and its indicator follows it.
  auto stand = std::find_if(merged.actions.begin(), merged.actions.end(), [](const Action& x) { return x.title == "Stand de dépistage au marché"; });
  ASSERT_NE(stand, merged.actions.end());
  EXPECT_NE(stand->id, "A90");
  EXPECT_EQ(merged.find_indicator("I90")->action, stand->id);
  EXPECT_EQ(merged.find_action("A90")->title, "Autre action du coordinateur");
  EXPECT_TRUE(validate_project(merged).empty());

  // Choosing the group's version for the conflict.
  MergePlan chosen = plan;
  for (MergeItem& i : chosen.items)
    if (i.change == ChangeKind::Conflict) i.take = true;
  EXPECT_EQ(indicator(*std::make_unique<Project>(apply_merge(coordinator, group, chosen)), shared_id)->evidence, "Version du groupe");
}

TEST(Merge, AFileThatIsNotAGroupCopyIsRefusedWithAReason) {
  Project p = sample("cpts-21-52");
  MergePlan plan = plan_merge(p, sample("cpts-21-52"));
  ASSERT_EQ(plan.problems.size(), 1u);
  EXPECT_NE(plan.problems[0].find("copie de groupe"), std::string::npos);
}

TEST(Merge, UntouchedCopyHasNothingToMerge) {
  Project p = sample("cpts-besancon-metropole");
  EXPECT_TRUE(plan_merge(p, prepare_group_copy(p, "Groupe A", {2025, 1, 1})).items.empty());
}

TEST(Merge, SkippedIndicatorsAreReported) {
  Project coordinator = sample("cpts-21-52");
  Project group = prepare_group_copy(coordinator, "Groupe", {2025, 1, 1});
  group.actions.push_back({"A91", "acces", "Nouvelle"});
  group.indicators.push_back({"I91", "A91", "Indicateur de la nouvelle", IndicatorKind::Deliverable});
  MergePlan plan = plan_merge(coordinator, group);
  for (MergeItem& i : plan.items)
    if (i.kind == ObjectKind::Action) i.take = false;  // the coordinator refuses the action
  std::vector<std::string> skipped;
  Project merged = apply_merge(coordinator, group, plan, &skipped);
  EXPECT_FALSE(merged.find_indicator("I91"));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("Indicateur de la nouvelle"), std::string::npos);
}
