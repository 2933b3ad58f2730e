package doclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/digitalocean/godo"
)

// clockSkew is how far DigitalOcean's clock may be behind this machine's
// when an image's created_at is compared with the time a create was sent.
const clockSkew = time.Minute

// answerSlack is how long before its answer DigitalOcean may have stamped
// the image a create made. The narrower the window, the less likely an
// import another program started at about the same time fits it.
const answerSlack = 5 * time.Second

// window is when, by DigitalOcean's clock, a lost import was created. An
// open end is zero.
type window struct {
	from, to time.Time
}

// creationWindow bounds the creation of the import a create may have
// started. An answer, even an error, carries DigitalOcean's own time, which
// created_at must be just before; without one, only the time the create was
// sent is known, on this machine's clock.
func creationWindow(err error, sent time.Time) window {
	var apiErr *godo.ErrorResponse
	if errors.As(err, &apiErr) && apiErr.Response != nil {
		answered, parseErr := http.ParseTime(apiErr.Response.Header.Get("Date"))
		if parseErr == nil {
			// created_at and Date both drop fractions of a second.
			return window{from: answered.Add(-answerSlack), to: answered.Add(time.Second)}
		}
	}
	return window{from: sent.Add(-clockSkew)}
}

func (w window) holds(t time.Time) bool {
	return !t.Before(w.from) && (w.to.IsZero() || !t.After(w.to))
}

// claims are the images this provider process has created or adopted, so
// that no two resources ever take the same image for their own.
type claims struct {
	mu    sync.Mutex
	ids   map[int]bool
	names map[string]*sync.Mutex
}

// lockName serializes the creates of one image name in this process, from
// the POST until its image is claimed. Without it, a resource whose answer
// was lost could see a sibling's fresh, not yet claimed import as a second
// candidate. The POST is quick; the long wait for the import is not held.
func (c *claims) lockName(name string) (unlock func()) {
	c.mu.Lock()
	if c.names == nil {
		c.names = map[string]*sync.Mutex{}
	}
	m, ok := c.names[name]
	if !ok {
		m = new(sync.Mutex)
		c.names[name] = m
	}
	c.mu.Unlock()

	m.Lock()
	return m.Unlock
}

func (c *claims) claim(id int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids == nil {
		c.ids = map[int]bool{}
	}
	c.ids[id] = true
}

func (c *claims) claimed(id int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ids[id]
}

// adopt finds the import a create started when its answer was lost. The API
// never returns an image's URL, so the import must match on everything it
// does return: the name, description and tags the create sent, a status
// that shows it is still importing, a creation time after the create was
// sent, and no other resource having claimed it. When more than one import
// fits, taking either could steal another resource's image, so it stops
// and names them.
func adopt(
	ctx context.Context, c *Clients, req *godo.CustomImageCreateRequest, created window,
) (*godo.Image, error) {
	images, err := listUserImages(ctx, c.Retrying)
	if err != nil {
		return nil, fmt.Errorf("looking for the import that may have started: %w", err)
	}

	var fits []godo.Image
	for _, img := range images {
		if startedBy(img, req, created) && !c.claims.claimed(img.ID) {
			fits = append(fits, img)
		}
	}

	switch len(fits) {
	case 0:
		return nil, nil
	case 1:
		c.claims.claim(fits[0].ID)
		return &fits[0], nil
	default:
		ids := make([]int, len(fits))
		for i, img := range fits {
			ids[i] = img.ID
		}
		return nil, fmt.Errorf("DigitalOcean lost the answer to the import of %q, and "+
			"images %v all fit it; to keep from taking another resource's image, none "+
			"was adopted: delete the extra one, then `pulumi import` the other", req.Name, ids)
	}
}

// startedBy reports whether img could be the import req started within the
// window.
func startedBy(img godo.Image, req *godo.CustomImageCreateRequest, w window) bool {
	created, err := time.Parse(time.RFC3339, img.Created)
	return img.Name == req.Name &&
		img.Description == req.Description &&
		IsImporting(img.Status) &&
		err == nil && w.holds(created) &&
		sameTagSet(img.Tags, req.Tags)
}

func sameTagSet(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(t string) bool {
		return !slices.ContainsFunc(b, func(u string) bool { return strings.EqualFold(t, u) })
	})
}

// listUserImages pages through every private image.
func listUserImages(ctx context.Context, c *godo.Client) ([]godo.Image, error) {
	var all []godo.Image
	opt := &godo.ListOptions{Page: 1, PerPage: 200}
	for {
		images, resp, err := c.Images.ListUser(ctx, opt)
		if err != nil {
			return nil, err
		}
		all = append(all, images...)

		if resp == nil || resp.Links == nil || resp.Links.IsLastPage() {
			return all, nil
		}
		page, err := resp.Links.CurrentPage()
		if err != nil {
			return all, nil
		}
		opt.Page = page + 1
	}
}
