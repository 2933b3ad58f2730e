package provider_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"golang.org/x/oauth2"

	"github.com/digitalocean-custom-image/pulumi-digitalocean-custom-image/internal/testenv"
)

// FuzzCheckNeverAcceptsWhatTheAPIRejects feeds random inputs to Check. Check
// must never panic, and whatever it accepts DigitalOcean must accept too:
// the create is sent to the emulator behind the contract. Which regions
// exist is the API's to say and changes over time, so Check only requires a
// well-formed slug; a well-formed region DigitalOcean does not offer is
// swapped for nyc3 before the API is asked about the rest.
func FuzzCheckNeverAcceptsWhatTheAPIRejects(f *testing.F) {
	f.Add("flatcar", "https://images.example.test/a.img", "nyc3", "sfo3", "prod", "env:a",
		"Flatcar", "CoreOS")
	f.Add("", "file:///tmp/disk.img", "nyc3", "nyc3", "bad tag!", "", "", "")
	f.Add(" ", "ftp://x/a.img", "NYC3", "", strings.Repeat("t", 256), "a", "\n", "Plan 9")
	f.Add("n", "http://h", "abc1", "ams3", "A", "a", "ü", "Unknown OS")
	f.Add("\x00", "https://[::1]:80/x.qcow2", "sgp1", "sgp1", "-", "_:", "", "rocky linux")

	h := newHarness(f, fast, nil)
	client := rawClient(f, h.api.Endpoint)
	offered := offeredRegions(f, client)

	f.Fuzz(func(t *testing.T, name, url, region1, region2, tag1, tag2, description,
		distribution string) {
		in := inputs(map[string]any{"name": name, "url": url,
			"regions": nonEmpty(region1, region2), "tags": nonEmpty(tag1, tag2),
			"description": description, "distribution": distribution})
		resp, err := h.server.Check(p.CheckRequest{Urn: urn("img"), Inputs: in})
		if err != nil {
			t.Fatalf("Check failed instead of reporting failures: %v", err)
		}
		if len(resp.Failures) > 0 {
			return
		}

		requireAPIAccepts(t, h.api, client, resp.Inputs, offered)
	})
}

func requireAPIAccepts(
	t *testing.T, api *testenv.API, client *godo.Client, in property.Map, offered []string,
) {
	region := strs(in, "regions")[0]
	if !slices.Contains(offered, region) {
		region = "nyc3"
	}
	var tags []string
	if in.Get("tags").IsArray() {
		tags = strs(in, "tags")
	}
	_, _, err := client.Images.Create(context.Background(), &godo.CustomImageCreateRequest{
		Name: str(in, "name"), Url: str(in, "url"), Region: region, Tags: tags,
		Description: str(in, "description"), Distribution: str(in, "distribution"),
	})

	if err != nil {
		t.Fatalf("Check accepted %v but DigitalOcean refused it: %v", in, err)
	}
	if v := api.TakeViolations(); len(v) > 0 {
		t.Fatalf("Check accepted %v but the request breaks the contract: %v", in, v)
	}
}

func offeredRegions(t testing.TB, client *godo.Client) []string {
	regions, _, err := client.Regions.List(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, r := range regions {
		slugs = append(slugs, r.Slug)
	}
	return slugs
}

func nonEmpty(values ...string) []string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func rawClient(t testing.TB, endpoint string) *godo.Client {
	src := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: testenv.Token})
	client, err := godo.New(oauth2.NewClient(context.Background(), src),
		godo.SetBaseURL(endpoint+"/"))
	if err != nil {
		t.Fatal(err)
	}
	return client
}
