package provider

import (
	"context"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

func existing() CustomImageState {
	return CustomImageState{
		Name: "flatcar-1a2b3c4",
		ImageSettings: ImageSettings{
			URL:     "https://images.example.test/a.img",
			Regions: []string{"nyc3", "sfo3"},
			Tags:    []string{"Prod"},
		},
		ImageID:      42,
		Status:       "available",
		ImageRegions: []string{"nyc3", "sfo3"},
	}
}

func diffOf(t *testing.T, state CustomImageState, args CustomImageArgs) infer.DiffResponse {
	t.Helper()
	resp, err := CustomImage{}.Diff(context.Background(),
		infer.DiffRequest[CustomImageArgs, CustomImageState]{ID: "42", State: state, Inputs: args})
	require.NoError(t, err)
	return resp
}

func TestTheSameInputsPlanNoChange(t *testing.T) {
	state := existing()
	assert.False(t, diffOf(t, state, state.inputs()).HasChanges)
}

func TestRemovingARegionReplacesTheImage(t *testing.T) {
	args := existing().inputs()
	args.Regions = []string{"nyc3"}
	d := diffOf(t, existing(), args)
	assert.Equal(t, p.UpdateReplace, d.DetailedDiff["regions"].Kind)
}

func TestAddingARegionUpdatesInPlace(t *testing.T) {
	args := existing().inputs()
	args.Regions = []string{"nyc3", "sfo3", "ams3"}
	d := diffOf(t, existing(), args)
	assert.Equal(t, p.Update, d.DetailedDiff["regions"].Kind)
}

func TestARegionAddedOutsideTheProgramPlansNothing(t *testing.T) {
	state := existing()
	state.ImageRegions = append(state.ImageRegions, "ams3")
	assert.False(t, diffOf(t, state, state.inputs()).HasChanges)
}

func TestReorderingRegionsPlansNothing(t *testing.T) {
	args := existing().inputs()
	args.Regions = []string{"sfo3", "nyc3"}
	assert.False(t, diffOf(t, existing(), args).HasChanges)
}

func TestANewURLReplacesTheImage(t *testing.T) {
	args := existing().inputs()
	args.URL = "https://images.example.test/b.img"
	d := diffOf(t, existing(), args)
	assert.Equal(t, p.UpdateReplace, d.DetailedDiff["url"].Kind)
}

func TestAURLGivenToAnImportedImageIsRecordedInPlace(t *testing.T) {
	state := existing()
	state.URL = ""
	d := diffOf(t, state, existing().inputs())
	assert.Equal(t, p.Update, d.DetailedDiff["url"].Kind)
}

func TestTagsDifferingOnlyInCasePlanNothing(t *testing.T) {
	args := existing().inputs()
	args.Tags = []string{"prod"}
	assert.False(t, diffOf(t, existing(), args).HasChanges)
}

func TestMetadataChangesUpdateInPlace(t *testing.T) {
	args := existing().inputs()
	args.Name = ptr("renamed")
	args.Description = ptr("v2")
	args.Distribution = ptr("Rocky Linux")
	args.Tags = []string{"prod", "edge"}
	d := diffOf(t, existing(), args)
	for _, prop := range []string{"name", "description", "distribution", "tags"} {
		assert.Equal(t, p.Update, d.DetailedDiff[prop].Kind, prop)
	}
	assert.Len(t, d.DetailedDiff, 4)
}

func TestAnUnsetDistributionMatchesUnknownOS(t *testing.T) {
	state := existing()
	state.Distribution = ptr("Unknown OS")
	assert.False(t, diffOf(t, state, existing().inputs()).HasChanges)
}

func TestRemovingTheDescriptionPlansAnUpdate(t *testing.T) {
	state := existing()
	state.Description = ptr("v1")
	d := diffOf(t, state, existing().inputs())
	assert.Equal(t, p.Update, d.DetailedDiff["description"].Kind)
}

func TestOnlyChangedFieldsAreSentInThePut(t *testing.T) {
	old := existing().inputs()
	old.Description = ptr("v1")
	want := old
	want.Description = nil

	ch := metadataChanges(old, want)
	require.NotNil(t, ch.Description)
	assert.Equal(t, "", *ch.Description, "clearing sends an explicit empty string")
	assert.Nil(t, ch.Name)
	assert.Nil(t, ch.Distribution)
}
