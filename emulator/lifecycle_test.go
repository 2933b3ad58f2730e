package emulator_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/emulator"
)

func TestAnImportGoesThroughNewAndPendingToAvailable(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: 10 * time.Minute})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "web", Url: "https://images.example.test/a.qcow2.gz", Region: "nyc3",
	})
	assert.Equal(t, "NEW", img.Status)
	assert.Empty(t, img.Regions)
	assert.Equal(t, "custom", img.Type)

	f.clock.Advance(4 * time.Minute)
	assert.Equal(t, "NEW", f.getImage(img.ID).Status)

	f.clock.Advance(2 * time.Minute)
	pending := f.getImage(img.ID)
	assert.Equal(t, "pending", pending.Status)
	assert.Empty(t, pending.Regions)
	assert.Zero(t, pending.MinDiskSize)

	f.clock.Advance(5 * time.Minute)
	done := f.getImage(img.ID)
	assert.Equal(t, "available", done.Status)
	assert.Equal(t, []string{"nyc3"}, done.Regions)
	assert.Positive(t, done.MinDiskSize)
	assert.Positive(t, done.SizeGigaBytes)
	_, err := time.Parse(time.RFC3339, done.Created)
	assert.NoError(t, err)
}

func TestSizesAreTheSameForTheSameURL(t *testing.T) {
	f := newFixture(t, emulator.Options{})

	a := f.availableImage("same", "nyc3")
	b := f.availableImage("same", "sfo3")

	assert.Equal(t, a.MinDiskSize, b.MinDiskSize)
	assert.Equal(t, a.SizeGigaBytes, b.SizeGigaBytes)
}

func TestAnImportCanReportItsFirstStatusInLowercase(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: time.Minute})
	f.emu.OnImport("lower", emulator.ImportBehaviour{LowercaseNew: true})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "lower", Url: "https://images.example.test/lower.img", Region: "nyc3",
	})
	assert.Equal(t, "new", img.Status)
	f.clock.Advance(59 * time.Second)
	assert.Equal(t, "new", f.getImage(img.ID).Status)

	f.clock.Advance(time.Second)
	assert.Equal(t, "available", f.getImage(img.ID).Status)
	if f.checked != nil {
		assert.NotEmpty(t, f.checked.Tolerated(), "lowercase new is a tolerated gap")
	}
}

func TestABrokenFileFailsAfterPendingAndStaysReadable(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: 2 * time.Minute})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "broken", Url: "https://images.example.test/broken.img.bz2", Region: "nyc3",
	})
	f.clock.Advance(90 * time.Second)
	assert.Equal(t, "pending", f.getImage(img.ID).Status)

	f.clock.Advance(time.Minute)
	failed := f.getImage(img.ID)
	assert.Equal(t, "deleted", failed.Status)
	assert.Equal(t, "decompression failed", failed.ErrorMessage)
	assert.Empty(t, failed.Regions)

	f.clock.Advance(240 * time.Hour)
	assert.Equal(t, "deleted", f.getImage(img.ID).Status, "kept until deleted by default")
}

func TestUnsupportedFormatsFailOnTheFirstPoll(t *testing.T) {
	for _, name := range []string{"disk.tar.gz", "disk.tgz", "fcos.qcow2.xz", "a.zip", "b.iso"} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{ImportDuration: time.Hour})

			img := f.createImage(&godo.CustomImageCreateRequest{
				Name: "bad", Url: "https://images.example.test/" + name, Region: "nyc3",
			})
			assert.Equal(t, "NEW", img.Status, "the create itself is accepted")

			failed := f.getImage(img.ID)
			assert.Equal(t, "deleted", failed.Status)
			assert.Contains(t, failed.ErrorMessage, "Unsupported image type")
			assert.Zero(t, failed.SizeGigaBytes)
		})
	}
}

func TestAFailedImageDisappearsAfterTheRetention(t *testing.T) {
	f := newFixture(t, emulator.Options{FailedImageRetention: time.Hour})
	f.emu.OnImport("flaky", emulator.ImportBehaviour{FailWith: "origin refused HEAD"})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "flaky", Url: "https://images.example.test/flaky.img", Region: "nyc3",
	})
	f.clock.Advance(59 * time.Minute)
	assert.Equal(t, "origin refused HEAD", f.getImage(img.ID).ErrorMessage)

	f.clock.Advance(time.Minute)
	_, _, err := f.client.Images.GetByID(context.Background(), img.ID)
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
	assert.Empty(t, f.emu.Images())
}

func TestAFailedImageCanBeDeleted(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "x", Url: "https://images.example.test/x.iso", Region: "nyc3",
	})

	resp, err := f.client.Images.Delete(context.Background(), img.ID)

	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	_, _, err = f.client.Images.GetByID(context.Background(), img.ID)
	assert.Equal(t, http.StatusNotFound, apiStatus(t, err))
}

func TestAnImportCanStayPendingForever(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: time.Second})
	f.emu.OnImport("slow", emulator.ImportBehaviour{StayPending: true})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "slow", Url: "https://images.example.test/slow.img", Region: "nyc3",
	})
	f.clock.Advance(1000 * time.Hour)

	assert.Equal(t, "pending", f.getImage(img.ID).Status)
}

func TestAnImportCanEndRetired(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: time.Second})
	f.emu.OnImport("old", emulator.ImportBehaviour{EndRetired: true})

	img := f.createImage(&godo.CustomImageCreateRequest{
		Name: "old", Url: "https://images.example.test/old.img", Region: "nyc3",
	})
	assert.Equal(t, "NEW", f.getImage(img.ID).Status)
	f.clock.Advance(time.Hour)

	assert.Equal(t, "retired", f.getImage(img.ID).Status)
}

func TestARuleDecidesOnlyForImagesCreatedAfterIt(t *testing.T) {
	f := newFixture(t, emulator.Options{ImportDuration: time.Minute})
	before := f.createImage(&godo.CustomImageCreateRequest{
		Name: "a", Url: "https://images.example.test/a.img", Region: "nyc3",
	})
	f.emu.OnImport("images.example.test", emulator.ImportBehaviour{StayPending: true})

	f.clock.Advance(time.Hour)

	assert.Equal(t, "available", f.getImage(before.ID).Status)
}

func TestWallClockImportsFinishWithoutAnyoneWaitingOnThem(t *testing.T) {
	emu, err := emulator.Start(emulator.Options{ImportDuration: 20 * time.Millisecond})
	require.NoError(t, err)
	t.Cleanup(func() { _ = emu.Close() })
	c := newClient(t, emu.URL(), "any-token")

	img, _, err := c.Images.Create(context.Background(), &godo.CustomImageCreateRequest{
		Name: "real-time", Url: "https://images.example.test/r.img", Region: "ams3",
	})
	require.NoError(t, err)

	require.Eventually(t, func() bool {
		got, _, err := c.Images.GetByID(context.Background(), img.ID)
		return err == nil && got.Status == "available"
	}, 2*time.Second, 5*time.Millisecond)
}
