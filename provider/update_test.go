package provider_test

import (
	"net/http"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// stack is one CustomImage as the engine would track it across runs.
type stack struct {
	h      *harness
	name   string
	id     string
	inputs property.Map
	state  property.Map
}

func (h *harness) up(name string, in map[string]any) *stack {
	h.t.Helper()
	inputsChecked := h.check(name, property.Map{}, inputs(in))
	resp, err := h.server.Create(p.CreateRequest{Urn: urn(name), Properties: inputsChecked})
	require.NoError(h.t, err)
	return &stack{h: h, name: name, id: resp.ID, inputs: inputsChecked, state: resp.Properties}
}

// upCutShort runs a first `pulumi up` whose create deadline, one second,
// passes while DigitalOcean is still working. The stack keeps the image, as
// the engine does after a failed initialization.
func (h *harness) upCutShort(name string, in map[string]any) *stack {
	h.t.Helper()
	checked := h.check(name, property.Map{}, inputs(in))
	resp, err := h.server.Create(p.CreateRequest{Urn: urn(name), Properties: checked,
		Timeout: 1})
	require.Error(h.t, err, "the deadline cut the wait short")
	require.NotEmpty(h.t, resp.ID, "the stack keeps the image")
	return &stack{h: h, name: name, id: resp.ID, inputs: checked, state: resp.Properties}
}

// resume runs the same program again, which the engine sends as an update
// of a resource whose initialization failed. A timeout of 0 sets none.
func (s *stack) resume(timeout float64) (p.UpdateResponse, error) {
	return s.h.server.Update(p.UpdateRequest{ID: s.id, Urn: urn(s.name), State: s.state,
		OldInputs: s.inputs, Inputs: s.inputs, Timeout: timeout})
}

// apply runs the next program against the stack, as a second `pulumi up`
// would: Check, Diff, then Update when Diff finds changes in place.
func (s *stack) apply(in map[string]any) p.DiffResponse {
	s.h.t.Helper()
	news := s.h.check(s.name, s.inputs, inputs(in))
	diff, err := s.h.server.Diff(p.DiffRequest{ID: s.id, Urn: urn(s.name), State: s.state,
		OldInputs: s.inputs, Inputs: news})
	require.NoError(s.h.t, err)
	if !diff.HasChanges || replaces(diff) {
		return diff
	}
	resp, err := s.h.server.Update(p.UpdateRequest{ID: s.id, Urn: urn(s.name), State: s.state,
		OldInputs: s.inputs, Inputs: news})
	require.NoError(s.h.t, err)
	s.inputs, s.state = news, resp.Properties
	return diff
}

// refresh reads the image back, as `pulumi refresh` would.
func (s *stack) refresh() p.ReadResponse {
	s.h.t.Helper()
	resp := s.h.read(s.name, s.id, s.state, s.inputs)
	if resp.ID != "" {
		s.inputs, s.state = resp.Inputs, resp.Properties
	}
	return resp
}

// planned returns the diff a `pulumi preview` of the program would show.
func (s *stack) planned(in map[string]any) p.DiffResponse {
	s.h.t.Helper()
	news := s.h.check(s.name, s.inputs, inputs(in))
	diff, err := s.h.server.Diff(p.DiffRequest{ID: s.id, Urn: urn(s.name), State: s.state,
		OldInputs: s.inputs, Inputs: news})
	require.NoError(s.h.t, err)
	return diff
}

func replaces(d p.DiffResponse) bool {
	for _, pd := range d.DetailedDiff {
		switch pd.Kind {
		case p.AddReplace, p.DeleteReplace, p.UpdateReplace:
			return true
		}
	}
	return false
}

func base() map[string]any {
	return map[string]any{"url": flatcarURL, "regions": []string{"nyc3"}}
}

func with(m map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		out[kv[0+i].(string)] = kv[i+1]
	}
	return out
}

// Field scenario S06.
func TestNameDescriptionAndDistributionChangeWithOnePut(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", with(base(), "name", "v1", "description", "v1", "distribution", "Ubuntu"))
	h.api.ResetRequests()

	s.apply(with(base(), "name", "v2", "description", "v2", "distribution", "Debian"))

	puts := h.api.RequestsTo("PUT", "/v2/images/")
	require.Len(t, puts, 1)
	assert.JSONEq(t, `{"name":"v2","description":"v2","distribution":"Debian"}`,
		string(puts[0].Body))
	assert.Empty(t, h.api.RequestsTo("POST", "/v2/images"), "no new image")
	img, _ := h.image(s.id)
	assert.Equal(t, "v2", img.Name)
	assert.Equal(t, "Debian", img.Distribution)

	s.refresh()
	assert.False(t, s.planned(with(base(), "name", "v2", "description", "v2",
		"distribution", "Debian")).HasChanges)
}

func TestRemovingTheDescriptionClearsIt(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", with(base(), "description", "v1"))

	s.apply(base())

	img, _ := h.image(s.id)
	assert.Empty(t, img.Description)
	s.refresh()
	assert.False(t, s.planned(base()).HasChanges)
}

// Field scenario S07.
func TestAnUnsetDistributionConverges(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())

	img, _ := h.image(s.id)
	assert.Equal(t, "Unknown OS", img.Distribution)
	s.refresh()
	assert.False(t, s.planned(base()).HasChanges)
}

// Field scenario S09.
func TestTagsAreAttachedAndDetachedThroughTheTagsAPI(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", with(base(), "tags", []string{"a"}))

	s.apply(with(base(), "tags", []string{"a", "b"}))
	img, _ := h.image(s.id)
	assert.ElementsMatch(t, []string{"a", "b"}, img.Tags)
	assert.Len(t, h.api.RequestsTo("POST", "/v2/tags/b/resources"), 1)

	s.apply(with(base(), "tags", []string{"b"}))
	img, _ = h.image(s.id)
	assert.Equal(t, []string{"b"}, img.Tags)
	assert.Len(t, h.api.RequestsTo("DELETE", "/v2/tags/a/resources"), 1)

	s.refresh()
	assert.False(t, s.planned(with(base(), "tags", []string{"b"})).HasChanges)
}

// Field scenario S05.
func TestAddingARegionTransfersInPlace(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())

	diff := s.apply(with(base(), "regions", []string{"nyc3", "sfo3", "ams3"}))

	assert.False(t, replaces(diff))
	img, _ := h.image(s.id)
	assert.ElementsMatch(t, []string{"nyc3", "sfo3", "ams3"}, img.Regions)
	assert.Equal(t, []string{"nyc3", "sfo3", "ams3"}, strs(s.state, "regions"))
	assert.Len(t, h.api.RequestsTo("POST", "/v2/images/"+s.id+"/actions"), 2)
}

// Field scenario S05.
func TestCreateImportsIntoTheFirstRegionThenTransfers(t *testing.T) {
	h := newHarness(t, fast, nil)

	s := h.up("img", with(base(), "regions", []string{"sfo3", "nyc3"}))

	img, _ := h.image(s.id)
	assert.Equal(t, "sfo3", img.ImportRegion, "the first region the user wrote")
	assert.ElementsMatch(t, []string{"sfo3", "nyc3"}, img.Regions)
	assert.Equal(t, "available", str(s.state, "status"))
	// The create returned only once the transfer had completed.
	assert.Equal(t, []string{"sfo3", "nyc3"}, strs(s.state, "regions"))
	assert.ElementsMatch(t, []string{"sfo3", "nyc3"}, strs(s.state, "imageRegions"))
	actions := h.api.RequestsTo("GET", "/v2/actions/")
	assert.NotEmpty(t, actions, "the transfer action was waited on")
}

// Field scenario S05.
func TestDroppingARegionPlansAReplacement(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", with(base(), "regions", []string{"nyc3", "sfo3"}))

	diff := s.planned(base())

	assert.Equal(t, p.UpdateReplace, diff.DetailedDiff["regions"].Kind)
}

// Field scenario S13.
func TestARegionAddedByHandNeverCausesAReplacement(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	id := s.imageID()
	require.NoError(t, h.api.AddRegion(id, "ams3"))

	s.refresh()

	assert.False(t, s.planned(base()).HasChanges)
	assert.ElementsMatch(t, []string{"nyc3", "ams3"}, strs(s.state, "imageRegions"))
}

// Field scenario S18.
func TestTransfersShareTheDeadlineAndNameTheRegionsStillInProgress(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnTransfer("sgp1", emulator.TransferBehaviour{StayInProgress: true})

	resp, err := h.tryCreate("img", with(base(), "regions", []string{"nyc3", "sgp1"}),
		time.Second)

	require.Error(t, err)
	require.NotNil(t, resp.PartialState)
	assert.Contains(t, resp.PartialState.Reasons[0], "sgp1")
	assert.Contains(t, resp.PartialState.Reasons[0], "before the deadline")
	assert.Equal(t, []string{"nyc3"}, strs(resp.Properties, "regions"),
		"the stack records only the regions reached")
}

// Field scenario S18.
func TestAnUpdateAfterATransferWaitWasCutShortWaitsOnThatTransfer(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnTransfer("sgp1", emulator.TransferBehaviour{Duration: 2500 * time.Millisecond})
	s := h.upCutShort("img", with(base(), "regions", []string{"nyc3", "sgp1"}))

	resumed, err := s.resume(0)

	require.NoError(t, err)
	assert.Equal(t, []string{"nyc3", "sgp1"}, strs(resumed.Properties, "regions"))
	transfers := h.api.RequestsTo("POST", "/v2/images/"+s.id+"/actions")
	assert.Len(t, transfers, 1, "the running transfer is waited on, not started again")
}

func TestAnEarlierTransferThatErroredIsStartedAgainWhenAnUpdateResumes(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnTransfer("sgp1", emulator.TransferBehaviour{Duration: 2 * time.Second, Fail: true})
	s := h.upCutShort("img", with(base(), "regions", []string{"nyc3", "sgp1"}))
	h.api.OnTransfer("sgp1", emulator.TransferBehaviour{Duration: 20 * time.Millisecond})

	resumed, err := s.resume(0)

	require.NoError(t, err)
	assert.Equal(t, []string{"nyc3", "sgp1"}, strs(resumed.Properties, "regions"))
	assert.Len(t, h.api.RequestsTo("POST", "/v2/images/"+s.id+"/actions"), 2,
		"the errored transfer was waited out, then started again")
}

func TestATransferAnsweredWithAServerErrorAfterItStartedIsNotStartedTwice(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	actions := "/v2/images/" + s.id + "/actions"
	h.api.FailNextAfterProcessing("POST", actions, http.StatusInternalServerError)

	s.apply(with(base(), "regions", []string{"nyc3", "sfo3"}))

	assert.Equal(t, []string{"nyc3", "sfo3"}, strs(s.state, "regions"))
	assert.Len(t, h.api.RequestsTo("POST", actions), 1, "the transfer that started is kept")
}

func TestATransferTurnedAwayWithAServerErrorIsStartedAgain(t *testing.T) {
	h := newHarness(t, fast, nil)
	s := h.up("img", base())
	actions := "/v2/images/" + s.id + "/actions"
	h.api.FailNext("POST", actions, http.StatusServiceUnavailable)

	s.apply(with(base(), "regions", []string{"nyc3", "sfo3"}))

	assert.Equal(t, []string{"nyc3", "sfo3"}, strs(s.state, "regions"))
	assert.Len(t, h.api.RequestsTo("POST", actions), 2)
}

func TestAnErroredTransferFailsTheCreateNamingTheRegion(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnTransfer("sfo3", emulator.TransferBehaviour{Fail: true})

	resp, err := h.tryCreate("img", with(base(), "regions", []string{"nyc3", "sfo3"}), 0)

	require.Error(t, err)
	require.NotNil(t, resp.PartialState)
	assert.Contains(t, resp.PartialState.Reasons[0], "sfo3")
	assert.Len(t, h.api.Images(), 1, "the image stays, known to the stack")
}

func (s *stack) imageID() int {
	return int(num(s.state, "imageId"))
}

// Field scenario S18.
func TestACancelStopsTheTransfersPromptlyAndNamesTheRegions(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnTransfer("sgp1", emulator.TransferBehaviour{StayInProgress: true})
	h.api.OnTransfer("ams3", emulator.TransferBehaviour{StayInProgress: true})
	checked := h.check("img", property.Map{}, inputs(with(base(), "regions",
		[]string{"nyc3", "sgp1", "ams3"})))

	go func() {
		for len(h.api.RequestsTo("POST", "/v2/images/")) < 2 {
			time.Sleep(10 * time.Millisecond)
		}
		_ = h.server.Cancel()
	}()
	start := time.Now()
	resp, err := h.server.Create(p.CreateRequest{Urn: urn("img"), Properties: checked})

	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "the cancel is prompt")
	require.NotNil(t, resp.PartialState)
	assert.Contains(t, resp.PartialState.Reasons[0], "to ams3, sgp1 was cancelled")
	assert.Equal(t, []string{"nyc3"}, strs(resp.Properties, "regions"))
}
