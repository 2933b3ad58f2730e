package provider_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// program draws one valid set of inputs for a CustomImage.
func program(t *rapid.T) map[string]any {
	in := map[string]any{
		"url": rapid.SampledFrom([]string{
			"https://images.example.test/a.qcow2.gz",
			"https://images.example.test/b.img.bz2",
		}).Draw(t, "url"),
		"regions": append([]string{"nyc3"}, rapid.SliceOfDistinct(
			rapid.SampledFrom([]string{"sfo3", "ams3", "sgp1"}), rapid.ID[string],
		).Draw(t, "extraRegions")...),
	}
	optional := func(key string, values ...string) {
		if v := rapid.SampledFrom(append([]string{"<unset>"}, values...)).Draw(t, key); v != "<unset>" {
			in[key] = v
		}
	}
	optional("name", "flatcar", "flatcar-v2")
	optional("description", "", "v1", "v2")
	optional("distribution", "Ubuntu", "ubuntu", "Rocky Linux", "ROCKY LINUX", "Flatcar",
		"Unknown", "Unknown OS")
	tags := rapid.SliceOfDistinct(rapid.SampledFrom([]string{"a", "B", "env:prod"}),
		strings.ToLower).Draw(t, "tags")
	for i, tag := range tags {
		if rapid.Bool().Draw(t, fmt.Sprintf("upper%d", i)) {
			tags[i] = strings.ToUpper(tag)
		}
	}
	if len(tags) > 0 || rapid.Bool().Draw(t, "emptyTags") {
		in["tags"] = tags
	}
	return in
}

// converge applies a program as `pulumi up` would, replacing the image when
// the diff says so, and returns the stack.
func (s *stack) converge(in map[string]any) *stack {
	s.h.t.Helper()
	diff := s.planned(in)
	if !replaces(diff) {
		s.apply(in)
		return s
	}

	news := s.h.check(s.name, s.inputs, inputs(in))
	resp, err := s.h.server.Create(p.CreateRequest{Urn: urn(s.name), Properties: news})
	require.NoError(s.h.t, err)
	require.NoError(s.h.t, s.h.server.Delete(p.DeleteRequest{ID: s.id, Urn: urn(s.name),
		Properties: s.state}))
	return &stack{h: s.h, name: s.name, id: resp.ID, inputs: news, state: resp.Properties}
}

// requireHolds asserts that DigitalOcean holds what the program says.
func requireHolds(t require.TestingT, api emulator.Image, in map[string]any) {
	if name, ok := in["name"]; ok {
		assert.Equal(t, name, api.Name)
	}
	description, _ := in["description"].(string)
	assert.Equal(t, description, api.Description)
	want, _ := in["distribution"].(string)
	assert.Truef(t, sameDistributionForTest(want, api.Distribution),
		"distribution %q, API holds %q", want, api.Distribution)
	tags, _ := in["tags"].([]string)
	assert.ElementsMatch(t, lower(tags), lower(api.Tags))
	for _, region := range in["regions"].([]string) {
		assert.Contains(t, api.Regions, region)
	}
}

func TestAnySequenceOfProgramsConverges(t *testing.T) {
	outer := newHarness(t, emulator.Options{}, nil)
	run := 0

	rapid.Check(t, func(rt *rapid.T) {
		run++
		h := outer.within(rt)
		programs := rapid.SliceOfN(rapid.Custom(program), 1, 4).Draw(rt, "programs")

		s := h.up(fmt.Sprintf("img%d", run), programs[0])
		for _, in := range programs[1:] {
			s = s.converge(in)
		}
		last := programs[len(programs)-1]

		diff := s.planned(last)
		require.False(rt, diff.HasChanges, "a second up plans %v", diff.DetailedDiff)
		s.refresh()
		diff = s.planned(last)
		require.False(rt, diff.HasChanges, "after refresh, up plans %v", diff.DetailedDiff)
		img, ok := h.image(s.id)
		require.True(rt, ok)
		requireHolds(rt, img, last)

		require.NoError(rt, h.server.Delete(p.DeleteRequest{ID: s.id, Urn: urn(s.name),
			Properties: s.state}))
	})
}

func lower(tags []string) []string {
	out := slices.Clone(tags)
	for i := range out {
		out[i] = strings.ToLower(out[i])
	}
	return out
}

// sameDistributionForTest is the user's view: a value from DigitalOcean's
// list, in any case, is stored as the list spells it; values outside the
// list, and no value, all read back as Unknown OS.
func sameDistributionForTest(want, got string) bool {
	for _, known := range []string{"Ubuntu", "Rocky Linux"} {
		if strings.EqualFold(want, known) {
			return got == known
		}
	}
	return got == "Unknown OS" || got == "Unknown"
}
