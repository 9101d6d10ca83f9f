#include "model/project.hpp"

#include <algorithm>
#include <set>

namespace cpts {

long long Territory::total_population() const {
  long long total = 0;
  for (const Commune& c : communes) total += c.population;
  return total;
}

Cents Indicator::max_cents() const {
  if (tiers.empty()) return cents;
  Cents m = 0;
  for (const Tier& t : tiers) m = std::max(m, t.cents);
  return m;
}

ProjectMission* Project::find_mission(const std::string& id) {
  for (auto& m : missions)
    if (m.mission == id) return &m;
  return nullptr;
}
const ProjectMission* Project::find_mission(const std::string& id) const {
  return const_cast<Project*>(this)->find_mission(id);
}

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
  for (const T& x : v)
    if (x.id == id) return &x;
  return nullptr;
}
}  // namespace

const Action* Project::find_action(const std::string& id) const { return find_by_id(actions, id); }
const Indicator* Project::find_indicator(const std::string& id) const { return find_by_id(indicators, id); }
const Professional* Project::find_professional(const std::string& id) const { return find_by_id(professionals, id); }

Project new_project(const std::string& name, const Date& signature, const Catalogue& cat) {
  Project p;
  p.identity.name = name;
  p.contract.signature = signature;
  p.contract.catalogue = cat.id;
  for (const CatalogueMission& m : cat.missions) {
    ProjectMission pm;
    pm.mission = m.id;
    pm.chosen = m.socle;
    if (m.socle && signature.valid()) {
      Date ref = std::max(signature, m.in_force_from.valid() ? m.in_force_from : signature);
      pm.start = add_months(ref, m.start_months);
      pm.deployed = add_months(ref, m.deployed_months);
    }
    p.missions.push_back(pm);
  }
  return p;
}

std::string fresh_id(const Project& p, char prefix) {
  std::set<long> used;
  auto collect = [&](const std::string& id) {
    if (id.size() > 1 && id[0] == prefix && id.size() < 12 &&
        std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; }))
      used.insert(std::stol(id.substr(1)));
  };
  for (const auto& a : p.actions) collect(a.id);
  for (const auto& i : p.indicators) collect(i.id);
  for (const auto& x : p.professionals) collect(x.id);
  for (const auto& d : p.diagnostic) collect(d.id);
  for (const auto& c : p.candidates) collect(c.id);
  long n = 1;
  while (used.count(n)) ++n;
  return std::string(1, prefix) + std::to_string(n);
}

}  // namespace cpts
