package emulator

import (
	"slices"
	"time"
)

// Image is a snapshot of one emulated image, for assertions and the
// control API. Regions and statuses are as a GET would read them now.
type Image struct {
	ID            int       `json:"id"`
	Name          string    `json:"name"`
	Description   string    `json:"description"`
	Distribution  string    `json:"distribution"`
	Status        string    `json:"status"`
	ErrorMessage  string    `json:"error_message"`
	URL           string    `json:"url"`
	ImportRegion  string    `json:"import_region"`
	Regions       []string  `json:"regions"`
	Tags          []string  `json:"tags"`
	MinDiskSize   int       `json:"min_disk_size"`
	SizeGigabytes float64   `json:"size_gigabytes"`
	CreatedAt     time.Time `json:"created_at"`
}

// imageRecord is the stored state of an image; time-driven fields are
// derived from it on read.
type imageRecord struct {
	id           int
	name         string
	description  string
	distribution string
	url          string
	importRegion string
	createdAt    time.Time
	plan         importPlan
	transfers    []int
	addedRegions []string
	tagKeys      []string
}

// status is the image status at now.
func (rec *imageRecord) status(now time.Time) string {
	return rec.plan.status(now.Sub(rec.createdAt))
}

// gone reports whether a failed image has outlived its retention.
func (rec *imageRecord) gone(now time.Time, retention time.Duration) bool {
	if retention <= 0 || rec.status(now) != statusDeleted {
		return false
	}
	failedAt := rec.createdAt.Add(rec.plan.failedAfter())
	return !now.Before(failedAt.Add(retention))
}

// view builds the Image as read at now. Caller holds mu.
func (s *Server) view(rec *imageRecord, now time.Time) Image {
	img := Image{
		ID:           rec.id,
		Name:         rec.name,
		Description:  rec.description,
		Distribution: rec.distribution,
		Status:       rec.status(now),
		URL:          rec.url,
		ImportRegion: rec.importRegion,
		Regions:      []string{},
		Tags:         s.tagNames(rec.tagKeys),
		CreatedAt:    rec.createdAt,
	}

	switch img.Status {
	case statusDeleted:
		img.ErrorMessage = rec.plan.failWith
	case statusAvailable:
		img.Regions = s.regionsOf(rec, now)
		img.MinDiskSize, img.SizeGigabytes = imageSizes(rec.url)
	}
	return img
}

// regionsOf lists the import region, then regions whose transfers have
// completed (in completion order), then regions added out of band.
func (s *Server) regionsOf(rec *imageRecord, now time.Time) []string {
	out := []string{rec.importRegion}

	done := make([]*actionRecord, 0, len(rec.transfers))
	for _, id := range rec.transfers {
		if a := s.actions[id]; a.status(now) == actionCompleted {
			done = append(done, a)
		}
	}
	slices.SortStableFunc(done, func(a, b *actionRecord) int {
		return a.completedAt().Compare(b.completedAt())
	})

	for _, a := range done {
		out = appendNew(out, a.region)
	}
	for _, r := range rec.addedRegions {
		out = appendNew(out, r)
	}
	return out
}

// appendNew appends v unless it is already present.
func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// liveImage returns the image with the id unless it is deleted or expired.
// Caller holds mu.
func (s *Server) liveImage(id int, now time.Time) (*imageRecord, bool) {
	rec, ok := s.images[id]
	if !ok || rec.gone(now, s.opts.FailedImageRetention) {
		return nil, false
	}
	return rec, true
}

// liveImages returns the readable images in creation order. Caller holds mu.
func (s *Server) liveImages(now time.Time) []*imageRecord {
	out := make([]*imageRecord, 0, len(s.imageIDs))
	for _, id := range s.imageIDs {
		if rec, ok := s.liveImage(id, now); ok {
			out = append(out, rec)
		}
	}
	return out
}

// removeImage forgets an image and its tag attachments. Caller holds mu.
func (s *Server) removeImage(id int) {
	rec, ok := s.images[id]
	if !ok {
		return
	}
	for _, key := range rec.tagKeys {
		if t, ok := s.tags[key]; ok {
			t.images = slices.DeleteFunc(t.images, func(v int) bool { return v == id })
		}
	}
	delete(s.images, id)
	s.imageIDs = slices.DeleteFunc(s.imageIDs, func(v int) bool { return v == id })
}
