package workshop

import (
	"reflect"
	"testing"
)

// Issue 9 (roles friction): finance and leadership are suggested as
// approvers, the teams as contributors, the others as informed; never a
// pilot.
func TestSuggestedRole_Issue9(t *testing.T) {
	cases := []struct {
		f    Function
		want Role
	}{
		{FuncFinance, RoleApprover},
		{FuncLeadership, RoleApprover},
		{FuncSales, RoleContributor},
		{FuncMarketing, RoleContributor},
		{FuncCS, RoleContributor},
		{FuncOperations, RoleContributor},
		{FuncOther, RoleInformed},
		{"", RoleInformed},
		{"astronaut", RoleInformed},
	}
	for _, c := range cases {
		if got := SuggestedRole(c.f); got != c.want {
			t.Errorf("SuggestedRole(%q) = %q, want %q", c.f, got, c.want)
		}
	}
	for _, f := range Functions {
		if SuggestedRole(f) == RolePilot {
			t.Errorf("%s suggested as pilot", f)
		}
	}
}

func rolesCharter() *Charter {
	return &Charter{
		Participants: []Participant{
			{ID: "ana", Name: "Ana", Function: FuncSales},
			{ID: "fin", Name: "Fred", Function: FuncFinance},
			{ID: "ceo", Name: "Chloé", Function: FuncLeadership},
			{ID: "oth", Name: "Olga", Function: FuncOther},
		},
		Objectives: []Objective{{ID: "o1"}, {ID: "o2"}, {ID: "o3"}},
	}
}

// Suggestions fill the empty cells only: a role chosen by the room stays.
func TestSuggestRolesKeepsChosenRoles_Issue9(t *testing.T) {
	c := rolesCharter()
	c.Roles = []Assignment{{ParticipantID: "ana", ObjectiveID: "o1", Role: RolePilot}, {ParticipantID: "fin", ObjectiveID: "o2", Role: RoleInformed}}
	if n := c.SuggestRoles(); n != 10 {
		t.Errorf("gave %d roles, want 10 (12 cells, 2 chosen)", n)
	}
	cases := []struct {
		p, o string
		want Role
	}{
		{"ana", "o1", RolePilot},
		{"ana", "o2", RoleContributor},
		{"fin", "o1", RoleApprover},
		{"fin", "o2", RoleInformed},
		{"ceo", "o3", RoleApprover},
		{"oth", "o3", RoleInformed},
	}
	for _, k := range cases {
		if got := c.roleIn(k.p, k.o); got != k.want {
			t.Errorf("%s on %s: %q, want %q", k.p, k.o, got, k.want)
		}
	}
	if n := c.SuggestRoles(); n != 0 {
		t.Errorf("a second suggestion gave %d roles", n)
	}
	if r := c.RolesOf("o2"); r.Count(RoleApprover) != 1 || r.Count(RolePilot) != 0 {
		t.Errorf("o2 roles: %+v", r.Holders)
	}
}

// The approvers of one objective become those of every objective in one
// action; other approvers are informed; a pilot stays pilot.
func TestSameApprovers_Issue9(t *testing.T) {
	cases := []struct {
		name  string
		roles []Assignment
		from  string
		want  map[string]map[string]Role // objective → participant → role
		kept  []Assignment
	}{
		{
			name: "copied everywhere",
			roles: []Assignment{
				{"fin", "o1", RoleApprover}, {"ceo", "o1", RoleApprover},
				{"oth", "o2", RoleApprover}, {"ana", "o3", RoleContributor},
			},
			from: "o1",
			want: map[string]map[string]Role{
				"o2": {"fin": RoleApprover, "ceo": RoleApprover, "oth": RoleInformed},
				"o3": {"fin": RoleApprover, "ceo": RoleApprover, "ana": RoleContributor},
			},
		},
		{
			name: "a pilot stays pilot",
			roles: []Assignment{
				{"ceo", "o1", RoleApprover}, {"ceo", "o2", RolePilot},
			},
			from: "o1",
			want: map[string]map[string]Role{
				"o2": {"ceo": RolePilot},
				"o3": {"ceo": RoleApprover},
			},
			kept: []Assignment{{"ceo", "o2", RolePilot}},
		},
		{
			name:  "no approvers: none anywhere",
			roles: []Assignment{{"fin", "o2", RoleApprover}},
			from:  "o1",
			want:  map[string]map[string]Role{"o2": {"fin": RoleInformed}},
		},
		{
			name:  "unknown objective changes nothing",
			roles: []Assignment{{"fin", "o2", RoleApprover}},
			from:  "nope",
			want:  map[string]map[string]Role{"o2": {"fin": RoleApprover}},
		},
	}
	for _, k := range cases {
		t.Run(k.name, func(t *testing.T) {
			c := rolesCharter()
			c.Roles = append([]Assignment(nil), k.roles...)
			kept := c.SameApprovers(k.from)
			if !reflect.DeepEqual(kept, k.kept) {
				t.Errorf("kept pilots %v, want %v", kept, k.kept)
			}
			for o, m := range k.want {
				for p, r := range m {
					if got := c.roleIn(p, o); got != r {
						t.Errorf("%s on %s: %q, want %q", p, o, got, r)
					}
				}
			}
			for _, a := range c.Roles {
				n := 0
				for _, b := range c.Roles {
					if a.ParticipantID == b.ParticipantID && a.ObjectiveID == b.ObjectiveID {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%s holds %d roles on %s", a.ParticipantID, n, a.ObjectiveID)
				}
			}
		})
	}
}
