package provider_test

import (
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

func TestACreateAnsweredWithAServerErrorAdoptsTheImageInsteadOfDuplicating(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNextAfterProcessing("POST", "/v2/images", http.StatusInternalServerError)

	id, state := h.create("img", base())

	assert.Len(t, h.api.Images(), 1, "no duplicate image")
	assert.Equal(t, "available", str(state, "status"))
	_, ok := h.image(id)
	assert.True(t, ok)
}

func TestACreateTurnedAwayWithTooManyRequestsIsSentAgain(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNext("POST", "/v2/images", http.StatusTooManyRequests)

	h.create("img", base())

	assert.Len(t, h.api.Images(), 1)
	assert.Len(t, h.api.RequestsTo("POST", "/v2/images"), 2)
	// FailNext answers its 429 with retry-after: 1.
	testenv.AssertRetriesWaitedOut(t, h.api.Requests(), time.Second)
}

func TestAServerErrorOnTheLastAllowedCreateStillAdoptsTheImportItStarted(t *testing.T) {
	h := newHarness(t, fast, map[string]property.Value{"httpRetryMax": property.New(0.0)})
	h.api.FailNextAfterProcessing("POST", "/v2/images", http.StatusInternalServerError)

	id, state := h.create("img", base())

	require.Len(t, h.api.Images(), 1, "the import that started is the stack's")
	assert.Equal(t, strconv.Itoa(h.api.Images()[0].ID), id)
	assert.Equal(t, "available", str(state, "status"))
	assert.Len(t, h.api.RequestsTo("POST", "/v2/images"), 1, "sent once: no retry was allowed")
}

func TestACreateTurnedAwayWithAServerErrorIsSentAgainAfterTheConfiguredWait(t *testing.T) {
	h := newHarness(t, fast, map[string]property.Value{
		"httpRetryWaitMin": property.New(0.3),
		"httpRetryWaitMax": property.New(0.4),
	})
	h.api.FailNext("POST", "/v2/images", http.StatusServiceUnavailable)

	h.create("img", base())

	posts := h.api.RequestsTo("POST", "/v2/images")
	require.Len(t, posts, 2)
	assert.Equal(t, http.StatusServiceUnavailable, posts[0].Status)
	gap := posts[1].Time.Sub(posts[0].Time)
	assert.GreaterOrEqual(t, gap, 300*time.Millisecond, "waited httpRetryWaitMin")
	// Well under the one second a fixed back-off would wait.
	assert.Less(t, gap, 900*time.Millisecond, "bounded by httpRetryWaitMax")
	assert.Len(t, h.api.Images(), 1)
}

// Field scenario S14.
func TestTwentyImagesSucceedWhenEveryThirdRequestIsRateLimited(t *testing.T) {
	if testing.Short() {
		t.Skip("waits on Retry-After for about a minute")
	}
	h := newHarness(t, fast, map[string]property.Value{"httpRetryMax": property.New(6.0)})
	h.api.FailEvery(3, http.StatusTooManyRequests, 1)

	// Check fails the test on a failure, so it runs here; only the creates,
	// which report by returning, run concurrently.
	names := make([]string, 20)
	checked := make([]property.Map, 20)
	for i := range names {
		names[i] = "img" + string(rune('a'+i))
		checked[i] = h.check(names[i], property.Map{}, inputs(base()))
	}
	errs := make(chan error, len(names))
	for i := range names {
		go func() {
			_, err := h.createChecked(names[i], checked[i], 0)
			errs <- err
		}()
	}
	for range names {
		require.NoError(t, <-errs)
	}

	assert.Len(t, h.api.Images(), 20, "every image once, none twice")
	testenv.AssertRetriesWaitedOut(t, h.api.Requests(), time.Second)
}

func TestAnUpdateAfterATimeoutResumesWaitingWithoutASecondImport(t *testing.T) {
	h := newHarness(t, emulator.Options{ImportDuration: 2500 * time.Millisecond}, nil)
	s := h.upCutShort("img", base())

	up, err := s.resume(0)

	require.NoError(t, err)
	assert.Equal(t, "available", str(up.Properties, "status"))
	assert.Equal(t, []string{"nyc3"}, strs(up.Properties, "regions"))
	assert.Len(t, h.api.RequestsTo("POST", "/v2/images"), 1, "no second import")
}

func TestAnImportThatFailsWhileAResumedUpdateWaitsIsRemovedAndSaysToRefresh(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("late", emulator.ImportBehaviour{Duration: 2500 * time.Millisecond,
		FailWith: "decompression failed"})
	s := h.upCutShort("img", with(base(), "url", "https://images.example.test/late.img.bz2"))

	_, err := s.resume(0)

	require.Error(t, err)
	assert.Contains(t, err.Error(), "decompression failed")
	assert.Contains(t, err.Error(), "pulumi refresh")
	assert.Empty(t, h.api.Images(), "the failed image is not left on the account")
	assert.Len(t, h.api.RequestsTo("DELETE", "/v2/images/"+s.id), 1)
}

func TestAnImportAnotherProgramStartedJustBeforeIsNeverAdoptedAfterALostAnswer(t *testing.T) {
	var ahead atomic.Int64 // how far DigitalOcean's clock runs ahead of the wall clock
	opts := fast
	opts.Now = func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
	h := newHarness(t, opts, nil)
	h.api.OnImport("other", emulator.ImportBehaviour{StayPending: true})

	// Another program, in its own provider process, imports an image of the
	// same name, description and tags; its import is still running.
	other := configuredServer(t, h.api, nil)
	otherInputs := h.check("theirs", property.Map{}, inputs(with(base(), "name", "dup",
		"url", "https://images.example.test/other.img")))
	theirs, err := other.Create(p.CreateRequest{Urn: urn("theirs"), Properties: otherInputs,
		Timeout: 1})
	require.Error(t, err, "their import is still running")

	// Ten seconds later, this program's create is answered 500 after it
	// started an import.
	ahead.Store(int64(10 * time.Second))
	h.api.FailNextAfterProcessing("POST", "/v2/images", http.StatusInternalServerError)
	mine, state := h.create("mine", with(base(), "name", "dup"))

	assert.NotEqual(t, theirs.ID, mine, "their image stays theirs")
	assert.Equal(t, "available", str(state, "status"))
	require.Len(t, h.api.Images(), 2)
}

func TestACancelStopsTheWaitAndKeepsTheImage(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("slow", emulator.ImportBehaviour{StayPending: true})
	checked := h.check("img", property.Map{}, inputs(with(base(), "url",
		"https://images.example.test/slow.img")))

	go func() {
		time.Sleep(200 * time.Millisecond)
		_ = h.server.Cancel()
	}()
	start := time.Now()
	resp, err := h.server.Create(p.CreateRequest{Urn: urn("img"), Properties: checked})

	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "the cancel is prompt")
	require.NotNil(t, resp.PartialState)
	assert.Contains(t, resp.PartialState.Reasons[0], "cancelled")
	assert.NotEmpty(t, resp.ID)
}

// Field scenario S20.
func TestRetriesEnabledOnTheProviderDoNotPanic(t *testing.T) {
	h := newHarness(t, fast, map[string]property.Value{"httpRetryMax": property.New(4.0)})

	h.create("img", base())

	assert.Len(t, h.api.Images(), 1)
}

func TestAMissingTokenSaysHowToSetIt(t *testing.T) {
	t.Setenv("DIGITALOCEAN_TOKEN", "")
	t.Setenv("DIGITALOCEAN_ACCESS_TOKEN", "")
	api := newHarness(t, fast, nil).api
	server := newServer(t)
	require.NoError(t, server.Configure(p.ConfigureRequest{Args: property.NewMap(
		map[string]property.Value{"apiEndpoint": property.New(api.Endpoint)})}))

	checked, err := server.Check(p.CheckRequest{Urn: urn("img"), Inputs: inputs(base())})
	require.NoError(t, err)
	_, err = server.Create(p.CreateRequest{Urn: urn("img"), Properties: checked.Inputs})

	require.Error(t, err)
	assert.Contains(t, err.Error(), "digitalocean-custom-image:token")
	assert.Contains(t, err.Error(), "DIGITALOCEAN_TOKEN")
	assert.Empty(t, api.Requests())
}

func TestTheTokenFromTheEnvironmentIsUsedButNeverStored(t *testing.T) {
	api := newHarness(t, fast, nil).api
	t.Setenv("DIGITALOCEAN_TOKEN", "")
	t.Setenv("DIGITALOCEAN_ACCESS_TOKEN", "test-token-7f3a9c")
	server := newServer(t)
	cfg := property.NewMap(map[string]property.Value{"apiEndpoint": property.New(api.Endpoint)})
	checkedCfg, err := server.CheckConfig(p.CheckRequest{Urn: "urn:pulumi:test::proj::" +
		"pulumi:providers:digitalocean-custom-image::default", Inputs: cfg})
	require.NoError(t, err)
	require.NoError(t, server.Configure(p.ConfigureRequest{Args: checkedCfg.Inputs}))

	checked, err := server.Check(p.CheckRequest{Urn: urn("img"), Inputs: inputs(base())})
	require.NoError(t, err)
	resp, err := server.Create(p.CreateRequest{Urn: urn("img"), Properties: checked.Inputs})

	require.NoError(t, err)
	_, hasToken := checkedCfg.Inputs.GetOk("token")
	assert.False(t, hasToken, "provider inputs hold no token")
	assert.NotContains(t, fmt.Sprint(resp.Properties), "test-token-7f3a9c")
}

func TestAnAPIErrorCarriesDigitalOceansMessageAndRequestID(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNext("POST", "/v2/images", http.StatusUnauthorized)

	_, err := h.tryCreate("img", base(), 0)

	require.Error(t, err)
	assert.Contains(t, err.Error(), "DigitalOcean answered 401: Unable to authenticate you")
	assert.Regexp(t, `\(request id [0-9a-f-]+\)`, err.Error())
	assert.Contains(t, err.Error(), "DIGITALOCEAN_TOKEN", "a 401 says where the token comes from")
	assert.NotContains(t, err.Error(), testenv.Token)
	assert.Empty(t, h.api.Images())
}

func TestAWaitCutShortTwiceLeavesAStateThatCanBeDestroyed(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.OnImport("stuck", emulator.ImportBehaviour{StayPending: true})
	s := h.upCutShort("img", with(base(), "url", "https://images.example.test/stuck.img"))

	resumed, err := s.resume(1)
	require.Error(t, err)
	require.NotNil(t, resumed.PartialState)

	_, err = h.server.Diff(p.DiffRequest{ID: s.id, Urn: urn("img"),
		State: resumed.Properties, OldInputs: s.inputs, Inputs: s.inputs})
	require.NoError(t, err, "preview must still work")
	require.NoError(t, h.server.Delete(p.DeleteRequest{ID: s.id, Urn: urn("img"),
		Properties: resumed.Properties}), "destroy must still work")
	assert.Empty(t, h.api.Images())
}

func TestTwoImagesOfOneNameNeverShareAnImageAfterALostAnswer(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNextAfterProcessing("POST", "/v2/images", http.StatusInternalServerError)
	program := with(base(), "name", "dup")

	names := []string{"a", "b"}
	checked := map[string]property.Map{}
	for _, name := range names {
		checked[name] = h.check(name, property.Map{}, inputs(program))
	}
	ids := make(chan string, len(names))
	for _, name := range names {
		go func() {
			resp, err := h.createChecked(name, checked[name], 0)
			if err != nil {
				t.Logf("%s: %v", name, err)
			}
			ids <- resp.ID
		}()
	}
	a, b := <-ids, <-ids

	held := map[string]bool{}
	for _, id := range []string{a, b} {
		if id != "" {
			assert.False(t, held[id], "image %s taken by both resources", id)
			held[id] = true
		}
	}
	for _, img := range h.api.Images() {
		assert.True(t, held[strconv.Itoa(img.ID)],
			"image %d is held by no resource and would be orphaned", img.ID)
	}
}

func TestACreateAnsweredNotFoundPointsAtTheEndpoint(t *testing.T) {
	h := newHarness(t, fast, nil)
	h.api.FailNext("POST", "/v2/images", http.StatusNotFound)

	_, err := h.tryCreate("img", base(), 0)

	require.Error(t, err)
	assert.Contains(t, err.Error(), "apiEndpoint")
	assert.Contains(t, err.Error(), h.api.Endpoint)
	assert.Empty(t, h.api.Images())
}
