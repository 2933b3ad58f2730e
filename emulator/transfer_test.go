package emulator_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

// transfer starts a transfer of the image into region.
func (f *fixture) transfer(imageID int, region string) (*godo.Action, error) {
	a, _, err := f.client.ImageActions.Transfer(context.Background(), imageID,
		&godo.ActionRequest{"type": "transfer", "region": region})
	return a, err
}

// action reads an action through /v2/actions/{id}.
func (f *fixture) action(id int) *godo.Action {
	f.t.Helper()
	a, _, err := f.client.Actions.Get(context.Background(), id)
	require.NoError(f.t, err)
	return a
}

func TestATransferCompletesAndAddsTheRegion(t *testing.T) {
	f := newFixture(t, emulator.Options{TransferDuration: 3 * time.Minute})
	img := f.availableImage("multi", "nyc3")

	a, err := f.transfer(img.ID, "sfo3")
	require.NoError(t, err)
	assert.Equal(t, "in-progress", a.Status)
	assert.Equal(t, "transfer", a.Type)
	assert.Equal(t, "sfo3", a.Region.Slug)
	assert.Nil(t, a.CompletedAt)

	f.clock.Advance(2 * time.Minute)
	assert.Equal(t, "in-progress", f.action(a.ID).Status)
	assert.Equal(t, []string{"nyc3"}, f.getImage(img.ID).Regions)

	f.clock.Advance(time.Minute)
	done := f.action(a.ID)
	assert.Equal(t, "completed", done.Status)
	require.NotNil(t, done.CompletedAt)
	assert.Equal(t, []string{"nyc3", "sfo3"}, f.getImage(img.ID).Regions)
	same, _, err := f.client.ImageActions.Get(context.Background(), img.ID, a.ID)
	require.NoError(t, err)
	assert.Equal(t, "completed", same.Status)
}

func TestAFailingTransferEndsErroredWithoutTheRegion(t *testing.T) {
	f := newFixture(t, emulator.Options{TransferDuration: time.Minute})
	f.emu.OnTransfer("sgp1", emulator.TransferBehaviour{Fail: true})
	img := f.availableImage("multi", "nyc3")

	a, err := f.transfer(img.ID, "sgp1")
	require.NoError(t, err)
	f.clock.Advance(time.Hour)

	assert.Equal(t, "errored", f.action(a.ID).Status)
	assert.Equal(t, []string{"nyc3"}, f.getImage(img.ID).Regions)
}

func TestATransferCanStayInProgress(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.OnTransfer("sgp1", emulator.TransferBehaviour{StayInProgress: true})
	img := f.availableImage("multi", "nyc3")

	a, err := f.transfer(img.ID, "sgp1")
	require.NoError(t, err)
	f.clock.Advance(1000 * time.Hour)

	assert.Equal(t, "in-progress", f.action(a.ID).Status)
}

func TestASecondTransferToARegionStillInProgressIsRefused(t *testing.T) {
	f := newFixture(t, emulator.Options{TransferDuration: time.Minute})
	img := f.availableImage("multi", "nyc3")
	_, err := f.transfer(img.ID, "sfo3")
	require.NoError(t, err)

	_, err = f.transfer(img.ID, "sfo3")
	assert.Equal(t, http.StatusUnprocessableEntity, apiStatus(t, err))

	f.emu.OnTransfer("ams3", emulator.TransferBehaviour{Fail: true})
	first, err := f.transfer(img.ID, "ams3")
	require.NoError(t, err)
	f.clock.Advance(time.Hour)
	require.Equal(t, "errored", f.action(first.ID).Status)
	_, err = f.transfer(img.ID, "ams3")
	assert.NoError(t, err, "a region whose transfer ended in error may be tried again")
}

func TestTransfersAreRefusedUntilTheImageIsAvailable(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: time.Minute})
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "early", Url: "https://images.example.test/e.img", Region: "nyc3",
	})

	_, err := f.transfer(img.ID, "sfo3")

	assert.Equal(t, http.StatusUnprocessableEntity, apiStatus(t, err))
}

func TestTransfersToUnknownRegionsAreRefused(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.availableImage("multi", "nyc3")

	_, err := f.transfer(img.ID, "mars1")

	assert.Equal(t, http.StatusUnprocessableEntity, apiStatus(t, err))
	f.takeViolations() // mars1 is outside the contract's region enum on purpose
}

func TestTransfersToAMissingImageAreNotFound(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	_, err := f.transfer(12345, "sfo3")

	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
}

func TestConcurrentTransfersAllComplete(t *testing.T) {
	f := newFixture(t, emulator.Options{TransferDuration: time.Minute})
	img := f.availableImage("multi", "nyc3")
	targets := []string{"sfo3", "ams3", "sgp1", "lon1", "fra1", "tor1"}

	var wg sync.WaitGroup
	for _, region := range targets {
		wg.Go(func() {
			_, err := f.transfer(img.ID, region)
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	f.clock.Advance(time.Minute)

	got := f.getImage(img.ID)
	assert.ElementsMatch(t, append([]string{"nyc3"}, targets...), got.Regions)
	assert.Equal(t, "nyc3", got.Regions[0], "the import region stays first")
	assert.Len(t, listImageActions(t, f, img.ID), len(targets))
}
