package emulator

import "time"

// Action statuses as the API spells them.
const (
	actionInProgress = "in-progress"
	actionCompleted  = "completed"
	actionErrored    = "errored"
)

// TransferBehaviour decides how transfers into a region unfold.
type TransferBehaviour struct {
	// Duration replaces Options.TransferDuration.
	Duration time.Duration

	// Fail ends the transfer errored; the region is not added.
	Fail bool

	// StayInProgress never finishes the transfer.
	StayInProgress bool
}

// OnTransfer applies b to transfers into region started later.
func (s *Server) OnTransfer(region string, b TransferBehaviour) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.transfers[region] = b
}

// actionRecord is a stored transfer action.
type actionRecord struct {
	id       int
	imageID  int
	region   string
	started  time.Time
	duration time.Duration
	fail     bool
	stay     bool
}

// newTransfer plans a transfer of the image into region. Caller holds mu.
func (s *Server) newTransfer(imageID int, region string, now time.Time) *actionRecord {
	b := s.transfers[region]
	d := b.Duration
	if d == 0 {
		d = s.opts.TransferDuration
	}
	a := &actionRecord{
		id:       s.nextAct,
		imageID:  imageID,
		region:   region,
		started:  now,
		duration: d,
		fail:     b.Fail,
		stay:     b.StayInProgress,
	}
	s.nextAct++
	s.actions[a.id] = a
	s.actionIDs = append(s.actionIDs, a.id)
	return a
}

// status is the action status at now.
func (a *actionRecord) status(now time.Time) string {
	switch {
	case a.stay, now.Before(a.completedAt()):
		return actionInProgress
	case a.fail:
		return actionErrored
	}
	return actionCompleted
}

// completedAt is when the transfer ends, whether or not it has yet.
func (a *actionRecord) completedAt() time.Time {
	return a.started.Add(a.duration)
}
