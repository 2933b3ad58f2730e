package provider_test

import (
	"bytes"
	"log/slog"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkFailures runs Check and returns its failures by property.
func (h *harness) checkFailures(in map[string]any) map[string]string {
	h.t.Helper()
	resp, err := h.server.Check(p.CheckRequest{Urn: urn("img"), Inputs: inputs(in)})
	require.NoError(h.t, err)
	out := map[string]string{}
	for _, f := range resp.Failures {
		out[f.Property] = f.Reason
	}
	return out
}

// warnings captures what the provider logs at warning level while f runs.
// The in-process server has no engine, so its log goes to slog.
func warnings(t *testing.T, f func()) string {
	return logs(t, slog.LevelWarn, f)
}

// logs returns what the provider logged at level or above while f ran.
// Without an engine, the provider's log goes to slog.
func logs(t *testing.T, level slog.Level, f func()) string {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		Level: level})))
	t.Cleanup(func() { slog.SetDefault(prev) })
	f()
	return buf.String()
}

// Field scenario S19.
func TestBadInputsFailCheckNamingThePropertyAndTheRule(t *testing.T) {
	h := newHarness(t, fast, nil)
	cases := []struct {
		in       map[string]any
		property string
		rule     string
	}{
		{with(base(), "url", "file:///tmp/disk.img"), "url", "http or https"},
		{with(base(), "url", "ftp://images.example.test/a.img"), "url", "http or https"},
		{with(base(), "regions", []string{}), "regions", "at least one region"},
		{with(base(), "regions", []string{"nyc3", "nyc3"}), "regions", `regions[1]: region "nyc3" is listed twice`},
		{with(base(), "regions", []string{"New York"}), "regions", `regions[0]: "New York" is not a region slug`},
		{with(base(), "tags", []string{"bad tag!"}), "tags", `tags[0]: tag "bad tag!" may contain only letters`},
		{with(base(), "name", ""), "name", "must not be empty"},
	}
	for _, c := range cases {
		failures := h.checkFailures(c.in)
		assert.Contains(t, failures[c.property], c.rule, "inputs %v: %v", c.in, failures)
	}
	assert.Empty(t, h.api.Requests(), "nothing was sent to DigitalOcean")
}

func TestAMissingURLFailsCheck(t *testing.T) {
	h := newHarness(t, fast, nil)

	failures := h.checkFailures(map[string]any{"regions": []string{"nyc3"}})

	assert.Contains(t, failures, "url")
}

func TestUnknownInputsAreCheckedOnceKnown(t *testing.T) {
	h := newHarness(t, fast, nil)
	in := inputs(base()).Set("regions", property.New(property.Computed))

	resp, err := h.server.Check(p.CheckRequest{Urn: urn("img"), Inputs: in})

	require.NoError(t, err)
	assert.Empty(t, resp.Failures)
}

// Field scenario S12.
func TestUnimportableFormatsWarnAtPreview(t *testing.T) {
	h := newHarness(t, fast, nil)

	logged := warnings(t, func() {
		h.check("img", property.Map{}, inputs(with(base(), "url",
			"https://images.example.test/fcos.qcow2.xz")))
	})

	assert.Contains(t, logged, "does not import .xz files")
}

// Field scenario S08.
func TestRockyLinuxIsAcceptedAndAnUnlistedDistributionOnlyWarns(t *testing.T) {
	h := newHarness(t, fast, nil)

	rocky := warnings(t, func() {
		h.check("img", property.Map{}, inputs(with(base(), "distribution", "Rocky Linux")))
	})
	other := warnings(t, func() {
		h.check("img", property.Map{}, inputs(with(base(), "distribution", "Flatcar")))
	})

	assert.Empty(t, rocky)
	assert.Contains(t, other, `distribution \"Flatcar\" is not one DigitalOcean knows`)
	assert.Contains(t, other, `\"Fedora Atomic\", \"FreeBSD\"`,
		"known values with spaces read as one")
}

func TestGeneratedNamesAreStableBetweenPreviewAndUpdate(t *testing.T) {
	h := newHarness(t, fast, nil)

	first := h.check("img", property.Map{}, inputs(base()))
	second := h.check("img", property.Map{}, inputs(base()))

	assert.Regexp(t, `^img-[0-9a-f]{7}$`, str(first, "name"))
	assert.Equal(t, str(first, "name"), str(second, "name"))

	// The name follows the engine's seed, which differs between resources
	// and between runs.
	other, err := h.server.Check(p.CheckRequest{Urn: urn("img"), Inputs: inputs(base()),
		RandomSeed: []byte("another run")})
	require.NoError(t, err)
	assert.NotEqual(t, str(first, "name"), str(other.Inputs, "name"))
}

func TestAnUpdateKeepsTheGeneratedName(t *testing.T) {
	h := newHarness(t, fast, nil)
	olds := h.check("img", property.Map{}, inputs(base()))

	news := h.check("img", olds, inputs(with(base(), "description", "v2")))

	assert.Equal(t, str(olds, "name"), str(news, "name"))
}
