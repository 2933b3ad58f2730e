package emulator

import (
	"errors"
	"fmt"
	"time"
)

// ErrImageNotFound is returned by out-of-band changes to a missing image.
var ErrImageNotFound = errors.New("emulator: image not found")

// ErrUnknownRegion is returned for a region slug the emulator does not list.
var ErrUnknownRegion = errors.New("emulator: unknown region")

// DeleteImage deletes an image behind the client's back, as a user of the
// DigitalOcean control panel would.
func (s *Server) DeleteImage(id int) error {
	return s.change(id, func(rec *imageRecord) error {
		s.removeImage(rec.id)
		return nil
	})
}

// RenameImage renames an image out of band.
func (s *Server) RenameImage(id int, name string) error {
	return s.change(id, func(rec *imageRecord) error {
		rec.name = name
		return nil
	})
}

// SetDescription changes an image's description out of band.
func (s *Server) SetDescription(id int, description string) error {
	return s.change(id, func(rec *imageRecord) error {
		rec.description = description
		return nil
	})
}

// SetDistribution changes an image's distribution out of band, stored the
// way the API would store it.
func (s *Server) SetDistribution(id int, distribution string) error {
	return s.change(id, func(rec *imageRecord) error {
		rec.distribution = normalDistribution(distribution)
		return nil
	})
}

// AddRegion makes an image available in one more region at once, as a
// transfer started from the control panel would once done.
func (s *Server) AddRegion(id int, region string) error {
	if _, ok := findRegion(region); !ok {
		return fmt.Errorf("%w: %s", ErrUnknownRegion, region)
	}
	return s.change(id, func(rec *imageRecord) error {
		rec.addedRegions = appendNew(rec.addedRegions, region)
		return nil
	})
}

// TagImage attaches a tag out of band, creating the tag when needed.
func (s *Server) TagImage(id int, tag string) error {
	if msg := tagNameProblem(tag); msg != "" {
		return errors.New("emulator: " + msg)
	}
	return s.change(id, func(rec *imageRecord) error {
		s.attachTag(s.ensureTag(tag), rec)
		return nil
	})
}

// Seed adds an image that is already available, as one imported long ago,
// for tests of import and refresh. A zero ID gets the next free id; an
// empty URL stays empty, since the API never reveals it anyway.
func (s *Server) Seed(img Image) (Image, error) {
	if _, ok := findRegion(img.ImportRegion); !ok {
		return Image{}, fmt.Errorf("%w: %q", ErrUnknownRegion, img.ImportRegion)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	rec := s.seedRecord(img, now)
	for _, r := range img.Regions {
		rec.addedRegions = appendNew(rec.addedRegions, r)
	}
	for _, tag := range img.Tags {
		s.attachTag(s.ensureTag(tag), rec)
	}
	return s.view(rec, now), nil
}

// seedRecord stores the record of a seeded image. Caller holds mu.
func (s *Server) seedRecord(img Image, now time.Time) *imageRecord {
	id := img.ID
	if id == 0 {
		id = s.nextImage
		s.nextImage++
	}
	// Keep later creates from reusing a seeded id.
	s.nextImage = max(s.nextImage, id+1)
	created := img.CreatedAt
	if created.IsZero() {
		created = now.Add(-24 * time.Hour)
	}
	rec := &imageRecord{
		id:           id,
		name:         img.Name,
		description:  img.Description,
		distribution: normalDistribution(img.Distribution),
		url:          img.URL,
		importRegion: img.ImportRegion,
		createdAt:    created,
	}
	if _, exists := s.images[id]; !exists {
		s.imageIDs = append(s.imageIDs, id)
	}
	s.images[id] = rec
	return rec
}

// change runs f on a live image under the lock.
func (s *Server) change(id int, f func(*imageRecord) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.liveImage(id, s.now())
	if !ok {
		return fmt.Errorf("%w: %d", ErrImageNotFound, id)
	}
	return f(rec)
}
