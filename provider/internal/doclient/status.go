package doclient

import "strings"

// Image statuses as the contract spells them. DigitalOcean has also answered
// "new" in lowercase, so statuses are always compared with EqualFold.
const (
	StatusNew       = "NEW"
	StatusPending   = "pending"
	StatusAvailable = "available"
	StatusDeleted   = "deleted"
	StatusRetired   = "retired"
)

// IsAvailable reports whether an image can be used.
func IsAvailable(status string) bool { return strings.EqualFold(status, StatusAvailable) }

// IsDeleted reports whether an image is gone or its import failed.
func IsDeleted(status string) bool { return strings.EqualFold(status, StatusDeleted) }

// IsImporting reports whether DigitalOcean is still working on an import.
func IsImporting(status string) bool {
	return strings.EqualFold(status, StatusNew) || strings.EqualFold(status, StatusPending)
}
