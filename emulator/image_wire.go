package emulator

import "time"

// imageJSON is the image object exactly as the API sends it: slug, sizes
// and created_at keep their keys even when null or empty.
type imageJSON struct {
	ID            int      `json:"id"`
	Name          string   `json:"name"`
	Type          string   `json:"type"`
	Distribution  string   `json:"distribution"`
	Slug          *string  `json:"slug"`
	Public        bool     `json:"public"`
	Regions       []string `json:"regions"`
	CreatedAt     string   `json:"created_at"`
	MinDiskSize   *int     `json:"min_disk_size"`
	SizeGigabytes *float64 `json:"size_gigabytes"`
	Description   string   `json:"description"`
	Tags          []string `json:"tags"`
	Status        string   `json:"status"`
	ErrorMessage  string   `json:"error_message"`
}

// wire converts a snapshot to the API's shape. Sizes stay null until the
// image is available, as they do on the real API.
func (img Image) wire() imageJSON {
	out := imageJSON{
		ID:           img.ID,
		Name:         img.Name,
		Type:         "custom",
		Distribution: img.Distribution,
		Regions:      img.Regions,
		CreatedAt:    img.CreatedAt.UTC().Format(time.RFC3339),
		Description:  img.Description,
		Tags:         img.Tags,
		Status:       img.Status,
		ErrorMessage: img.ErrorMessage,
	}
	if img.Status == statusAvailable {
		minDisk, size := img.MinDiskSize, img.SizeGigabytes
		out.MinDiskSize, out.SizeGigabytes = &minDisk, &size
	}
	return out
}
