package emulator

import (
	"net/http"
	"strconv"
)

// tagJSON is a tag as the API sends it.
type tagJSON struct {
	Name      string       `json:"name"`
	Resources tagResources `json:"resources"`
}

// tagResources counts what a tag is on. Only images exist here; the other
// kinds are reported empty so clients find the keys they expect.
type tagResources struct {
	Count           int         `json:"count"`
	LastTaggedURI   string      `json:"last_tagged_uri,omitempty"`
	Droplets        taggedCount `json:"droplets"`
	Images          taggedCount `json:"images"`
	Volumes         taggedCount `json:"volumes"`
	VolumeSnapshots taggedCount `json:"volume_snapshots"`
	Databases       taggedCount `json:"databases"`
}

// taggedCount counts the resources of one kind under a tag.
type taggedCount struct {
	Count         int    `json:"count"`
	LastTaggedURI string `json:"last_tagged_uri,omitempty"`
}

// tagWire builds the API shape of a tag. Caller holds mu.
func (s *Server) tagWire(r *http.Request, t *tagRecord) tagJSON {
	images := taggedCount{Count: len(t.images)}
	if n := len(t.images); n > 0 {
		images.LastTaggedURI = "http://" + r.Host + "/v2/images/" + strconv.Itoa(t.images[n-1])
	}
	return tagJSON{
		Name: t.name,
		Resources: tagResources{
			Count:         images.Count,
			LastTaggedURI: images.LastTaggedURI,
			Images:        images,
		},
	}
}
