package contract_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator/contract"
)

// fixed answers every request with the same status, headers and body.
func fixed(status int, body string, rateLimited bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rateLimited {
			w.Header().Set("ratelimit-limit", "5000")
			w.Header().Set("ratelimit-remaining", "4999")
			w.Header().Set("ratelimit-reset", "1444931833")
		}
		if body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	})
}

// exchange sends one request through a checker around h.
func exchange(t *testing.T, h http.Handler, method, path, body string) *contract.Checked {
	t.Helper()
	checked, wrapped := contract.Wrap(loadSpec(t), h)
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	wrapped.ServeHTTP(httptest.NewRecorder(), req)
	return checked
}

const goodImage = `{"image":{"id":1,"name":"a","type":"custom","distribution":"Ubuntu",
"slug":null,"public":false,"regions":["nyc3"],"created_at":"2026-03-01T12:00:00Z",
"min_disk_size":5,"size_gigabytes":1.5,"description":"","tags":[],"status":"available",
"error_message":""}}`

func TestAConformingAnswerHasNoViolations(t *testing.T) {
	c := exchange(t, fixed(200, goodImage, true), "GET", "/v2/images/1", "")

	assert.Empty(t, c.Violations())
}

func TestAWrongFieldTypeInAnAnswerIsAViolation(t *testing.T) {
	body := strings.Replace(goodImage, `"id":1`, `"id":"1"`, 1)

	c := exchange(t, fixed(200, body, true), "GET", "/v2/images/1", "")

	require.Len(t, c.Violations(), 1)
	assert.Contains(t, c.Violations()[0], "/image/id")
}

func TestAnUnknownStatusValueIsAViolation(t *testing.T) {
	body := strings.Replace(goodImage, `"status":"available"`, `"status":"ready"`, 1)

	c := exchange(t, fixed(200, body, true), "GET", "/v2/images/1", "")

	assert.NotEmpty(t, c.Violations())
}

func TestMissingRateLimitHeadersAreAViolation(t *testing.T) {
	c := exchange(t, fixed(200, goodImage, false), "GET", "/v2/images/1", "")

	assert.Len(t, c.Violations(), 3)
}

func TestAnErrorWithoutItsIDIsAViolation(t *testing.T) {
	c := exchange(t, fixed(404, `{"message":"gone"}`, true), "GET", "/v2/images/1", "")

	assert.NotEmpty(t, c.Violations())
}

func TestAnUnprocessableAnswerIsCheckedAgainstTheDefaultError(t *testing.T) {
	body := `{"id":"unprocessable_entity","message":"url is required","request_id":"r"}`

	c := exchange(t, fixed(422, body, true), "POST", "/v2/images",
		`{"name":"a","url":"https://x.test/a.img","region":"nyc3"}`)

	assert.Empty(t, c.Violations())
}

func TestARequestMissingARequiredFieldIsAViolation(t *testing.T) {
	body := `{"id":"unprocessable_entity","message":"url is required","request_id":"r"}`

	c := exchange(t, fixed(422, body, true), "POST", "/v2/images", `{"name":"a","region":"nyc3"}`)

	require.Len(t, c.Violations(), 1)
	assert.Contains(t, c.Violations()[0], "request")
}

func TestATagNameBreakingThePatternIsARequestViolation(t *testing.T) {
	body := `{"id":"unprocessable_entity","message":"bad","request_id":"r"}`

	c := exchange(t, fixed(422, body, true), "POST", "/v2/tags", `{"name":"bad tag!"}`)

	assert.NotEmpty(t, c.Violations())
}

func TestAPathOutsideTheContractIsAViolation(t *testing.T) {
	c := exchange(t, fixed(200, `{}`, true), "GET", "/v2/droplets", "")

	assert.NotEmpty(t, c.Violations())
}

func TestTheKnownGapsAreToleratedAndReported(t *testing.T) {
	body := strings.Replace(goodImage, `"status":"available"`, `"status":"new"`, 1)
	body = strings.Replace(body, `"distribution":"Ubuntu"`, `"distribution":"Unknown OS"`, 1)

	c := exchange(t, fixed(200, body, true), "GET", "/v2/images/1", "")

	assert.Empty(t, c.Violations())
	assert.Len(t, c.Tolerated(), 2)
}

func TestAnUnknownDistributionInARequestIsTolerated(t *testing.T) {
	c := exchange(t, fixed(200, goodImage, true), "PUT", "/v2/images/1",
		`{"distribution":"Plan 9"}`)

	assert.Empty(t, c.Violations())
	assert.Len(t, c.Tolerated(), 1)
}

func TestAWrappedActionIsCheckedInsideItsWrapper(t *testing.T) {
	bad := `{"action":{"id":"not-a-number","status":"in-progress"}}`

	c := exchange(t, fixed(201, bad, true), "POST", "/v2/images/1/actions",
		`{"type":"transfer","region":"sfo3"}`)

	assert.NotEmpty(t, c.Violations())
}

func TestTheControlAPIIsNotChecked(t *testing.T) {
	c := exchange(t, fixed(200, `nonsense`, false), "GET", "/_emulator/images", "")

	assert.Empty(t, c.Violations())
}
