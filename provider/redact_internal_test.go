package provider

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedactedMasksCredentialsInEveryShapeOfURL(t *testing.T) {
	cases := map[string]string{
		"https://user:s3cret@images.example.test/a.img?sig=S3CRET": "https://xxxxx@images.example.test/a.img?xxxxx",
		"https://images.example.test/a.img":                        "https://images.example.test/a.img",
		"ftp:user:s3cret@images.example.test/a.img":                "ftp:xxxxx@images.example.test/a.img",
		"https:user:s3cret@images.example.test/a.img?sig=S3CRET":   "https:xxxxx@images.example.test/a.img?xxxxx",
		"https:/user:s3cret@images.example.test/a.img":             "https:xxxxx@images.example.test/a.img",
		"https:///user:s3cret@images.example.test/a.img":           "https:xxxxx@images.example.test/a.img",
		"user:s3cret@images.example.test/a.img":                    "user:xxxxx@images.example.test/a.img",
		"%zz://user:s3cret@images.example.test/a.img?sig=S3CRET#f": "%zz:xxxxx@images.example.test/a.img?xxxxx",
	}
	for raw, want := range cases {
		got := redacted(raw)
		assert.Equal(t, want, got, raw)
		assert.NotContains(t, got, "s3cret", raw)
		assert.NotContains(t, got, "S3CRET", raw)
	}
}
