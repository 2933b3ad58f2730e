package e2e

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Field scenario S10.
func TestDestroyWithoutRefreshSucceedsWhenTheImageIsAlreadyGone(t *testing.T) {
	t.Parallel()
	api := startAPI(t)
	s := newStack(t, api, basicProgram)
	s.up()
	img := onlyImage(t, api)

	require.NoError(t, api.DeleteImage(img.ID))
	res := s.destroy()

	var statuses []int
	for _, r := range api.RequestsTo("DELETE", imagePath(img.ID)) {
		statuses = append(statuses, r.Status)
	}
	assert.Contains(t, statuses, http.StatusNotFound, "requests: %v", requestLog(api))
	assert.Contains(t, res.Output(), fmt.Sprintf("image %d was already gone", img.ID),
		"destroy warns that there was nothing to delete")

	state := s.export()
	_, inStack := state.image("img")
	assert.False(t, inStack, "the image is still in the stack:\n%s", state.Text)
	assert.Empty(t, state.Resources, "the stack keeps resources after destroy")
}
