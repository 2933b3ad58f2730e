package emulator

import (
	"hash/fnv"
	"math"
	"time"
)

// Image statuses as the API spells them.
const (
	statusNew       = "NEW"
	statusNewLower  = "new"
	statusPending   = "pending"
	statusAvailable = "available"
	statusDeleted   = "deleted"
	statusRetired   = "retired"
)

// importPlan is an image's import timeline, fixed when the image is created
// so that later OnImport calls do not rewrite history.
type importPlan struct {
	newFor       time.Duration
	pendingFor   time.Duration
	failWith     string
	failFast     bool
	lowercaseNew bool
	stayPending  bool
	endRetired   bool
}

// newImportPlan splits the import time between NEW and pending.
func newImportPlan(b ImportBehaviour, fallback time.Duration) importPlan {
	d := b.Duration
	if d == 0 {
		d = fallback
	}
	p := importPlan{
		newFor:       d / 2,
		pendingFor:   d - d/2,
		failWith:     b.FailWith,
		failFast:     b.FailFast,
		lowercaseNew: b.LowercaseNew,
		stayPending:  b.StayPending,
		endRetired:   b.EndRetired,
	}
	if p.lowercaseNew {
		p.newFor, p.pendingFor = d, 0
	}
	return p
}

// firstStatus is what the create answer reports.
func (p importPlan) firstStatus() string {
	if p.lowercaseNew {
		return statusNewLower
	}
	return statusNew
}

// status is the image status once elapsed has passed since the create.
func (p importPlan) status(elapsed time.Duration) string {
	switch {
	case p.failFast && p.failWith != "":
		return statusDeleted
	case elapsed < p.newFor:
		return p.firstStatus()
	case p.stayPending, elapsed < p.newFor+p.pendingFor:
		return statusPending
	case p.failWith != "":
		return statusDeleted
	case p.endRetired:
		return statusRetired
	}
	return statusAvailable
}

// failedAfter is how long after the create a failing import fails.
func (p importPlan) failedAfter() time.Duration {
	if p.failFast {
		return 0
	}
	return p.newFor + p.pendingFor
}

// imageSizes derives a plausible, deterministic size from the URL, so the
// same program always reads back the same numbers.
func imageSizes(rawURL string) (minDisk int, gigabytes float64) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(rawURL))
	n := h.Sum32()

	gigabytes = float64(50+n%300) / 100
	minDisk = int(math.Ceil(gigabytes)) + 4
	return minDisk, gigabytes
}
