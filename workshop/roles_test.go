package workshop

import "testing"

// TestR_ROLE_1to4_RolesOf is the one count of roles per objective that
// R-ROLE-1..4 and the roles step read.
func TestR_ROLE_1to4_RolesOf(t *testing.T) {
	people := []Participant{{ID: "p1", Name: "Claire"}, {ID: "p2", Name: "Marc"}, {ID: "p3", Name: " claire "}}
	cases := []struct {
		name                         string
		roles                        []Assignment
		pilots, contributors, approv int
		judged, self                 bool
		codes                        []string // R-ROLE findings on o1
	}{
		{"nothing assigned", nil, 0, 0, 0, false, false, []string{"R-ROLE-1", "R-ROLE-2", "R-ROLE-3"}},
		{"complete", []Assignment{{"p1", "o1", RolePilot}, {"p2", "o1", RoleContributor}, {"p2", "o1", RoleApprover}},
			1, 1, 1, true, false, nil},
		{"two pilots", []Assignment{{"p1", "o1", RolePilot}, {"p2", "o1", RolePilot}, {"p2", "o1", RoleContributor}, {"p2", "o1", RoleApprover}},
			2, 1, 1, false, false, []string{"R-ROLE-1"}},
		{"the same assignment twice counts once", []Assignment{{"p1", "o1", RolePilot}, {"p1", "o1", RolePilot}, {"p2", "o1", RoleContributor}, {"p2", "o1", RoleApprover}},
			1, 1, 1, true, false, nil},
		{"someone not in the charter does not count", []Assignment{{"p1", "o1", RolePilot}, {"gone", "o1", RoleContributor}, {"p2", "o1", RoleApprover}},
			1, 0, 1, true, false, []string{"R-ROLE-2"}},
		{"another objective does not count", []Assignment{{"p1", "o2", RolePilot}, {"p2", "o1", RoleContributor}, {"p2", "o1", RoleApprover}},
			0, 1, 1, false, false, []string{"R-ROLE-1"}},
		{"self-approval by the same participant", []Assignment{{"p1", "o1", RolePilot}, {"p2", "o1", RoleContributor}, {"p1", "o1", RoleApprover}},
			1, 1, 1, true, true, []string{"R-ROLE-4"}},
		{"self-approval by the same name", []Assignment{{"p1", "o1", RolePilot}, {"p2", "o1", RoleContributor}, {"p3", "o1", RoleApprover}},
			1, 1, 1, true, true, []string{"R-ROLE-4"}},
		{"another approver besides the pilot", []Assignment{{"p1", "o1", RolePilot}, {"p2", "o1", RoleContributor}, {"p1", "o1", RoleApprover}, {"p2", "o1", RoleApprover}},
			1, 1, 2, true, false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Charter{Participants: people, Objectives: []Objective{{ID: "o1"}, {ID: "o2"}}, Roles: tc.roles}
			r := c.RolesOf("o1")
			if r.Count(RolePilot) != tc.pilots || r.Count(RoleContributor) != tc.contributors || r.Count(RoleApprover) != tc.approv {
				t.Errorf("counts %d/%d/%d, want %d/%d/%d", r.Count(RolePilot), r.Count(RoleContributor), r.Count(RoleApprover), tc.pilots, tc.contributors, tc.approv)
			}
			if r.SelfApprovalJudged() != tc.judged || r.SelfApproved != tc.self {
				t.Errorf("judged %v self %v, want %v %v", r.SelfApprovalJudged(), r.SelfApproved, tc.judged, tc.self)
			}
			var codes []string
			for _, f := range Validate(c) {
				if f.Where.Step == StepRoles && f.Where.ID == "o1" {
					codes = append(codes, string(f.Code))
				}
			}
			if len(codes) != len(tc.codes) {
				t.Fatalf("findings %v, want %v", codes, tc.codes)
			}
			for i := range codes {
				if codes[i] != tc.codes[i] {
					t.Errorf("findings %v, want %v", codes, tc.codes)
				}
			}
		})
	}
	if r := (&Charter{}).RolesOf(""); r.Count(RolePilot) != 0 {
		t.Error("blank objective id has roles")
	}
	blank := &Charter{Participants: []Participant{{ID: "", Name: "No id"}}, Objectives: []Objective{{ID: "o1"}},
		Roles: []Assignment{{"", "o1", RolePilot}}}
	if r := blank.RolesOf("o1"); r.Count(RolePilot) != 0 {
		t.Error("an assignment to a blank participant id counts")
	}
}

func TestRolesHeldByAParticipant(t *testing.T) {
	c := rulesCharter(EN)
	if got := len(c.RolesHeld("p2")); got != 3 {
		t.Errorf("Marc holds %d roles, want 3", got)
	}
	if got := c.RolesHeld("nobody"); got != nil {
		t.Errorf("nobody holds %v", got)
	}
}
