package emulator

import "time"

// Action is a snapshot of one transfer action, for assertions.
type Action struct {
	ID          int       `json:"id"`
	ImageID     int       `json:"image_id"`
	Region      string    `json:"region"`
	Status      string    `json:"status"`
	StartedAt   time.Time `json:"started_at"`
	CompletedAt time.Time `json:"completed_at"`
}

// actionJSON is an action as the API sends it.
type actionJSON struct {
	ID           int     `json:"id"`
	Status       string  `json:"status"`
	Type         string  `json:"type"`
	StartedAt    string  `json:"started_at"`
	CompletedAt  *string `json:"completed_at"`
	ResourceID   int     `json:"resource_id"`
	ResourceType string  `json:"resource_type"`
	Region       region  `json:"region"`
	RegionSlug   string  `json:"region_slug"`
}

// snapshot builds the Action as read at now; CompletedAt is zero while
// the transfer runs.
func (a *actionRecord) snapshot(now time.Time) Action {
	out := Action{
		ID:        a.id,
		ImageID:   a.imageID,
		Region:    a.region,
		Status:    a.status(now),
		StartedAt: a.started,
	}
	if out.Status != actionInProgress {
		out.CompletedAt = a.completedAt()
	}
	return out
}

// wire converts an action to the API's shape.
func (a *actionRecord) wire(now time.Time) actionJSON {
	snap := a.snapshot(now)
	reg, _ := findRegion(a.region)
	out := actionJSON{
		ID:           a.id,
		Status:       snap.Status,
		Type:         "transfer",
		StartedAt:    a.started.UTC().Format(time.RFC3339),
		ResourceID:   a.imageID,
		ResourceType: "image",
		Region:       reg,
		RegionSlug:   a.region,
	}
	if !snap.CompletedAt.IsZero() {
		done := snap.CompletedAt.UTC().Format(time.RFC3339)
		out.CompletedAt = &done
	}
	return out
}
