package provider

import (
	_ "embed"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// CustomImage is a DigitalOcean custom image imported from a URL.
type CustomImage struct {
	// poll is how often the controller asks DigitalOcean how an import or a
	// transfer is doing.
	poll pollSchedule
}

//go:embed customimage.md
var customImageDocs string

// Annotate documents the resource in the schema.
func (c *CustomImage) Annotate(a infer.Annotator) {
	a.Describe(&c, customImageDocs)
}

// CustomImageArgs are the inputs of a CustomImage. The names and types are
// those of pulumi-digitalocean's CustomImage, so a program moves over by
// changing its import.
type CustomImageArgs struct {
	Name *string `pulumi:"name,optional"`
	ImageSettings
}

// ImageSettings are the inputs a CustomImage records in its state as they
// are. The name is not among them: it is optional as an input, but always
// known as an output, as in pulumi-digitalocean.
type ImageSettings struct {
	URL          string   `pulumi:"url"`
	Regions      []string `pulumi:"regions"`
	Description  *string  `pulumi:"description,optional"`
	Distribution *string  `pulumi:"distribution,optional"`
	Tags         []string `pulumi:"tags,optional"`
}

// Annotate documents the name input in the schema.
func (a *CustomImageArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.Name, nameDocs)
}

const nameDocs = "The image name. Defaults to the resource name followed by a dash and " +
	"7 random hex characters. Changes in place."

// Annotate documents the settings in the schema.
func (a *ImageSettings) Annotate(an infer.Annotator) {
	an.Describe(&a.URL, "The http or https URL DigitalOcean downloads the image from: "+
		"raw (.img), qcow2, VHDX, VDI or VMDK, optionally gzip or bzip2 compressed. "+
		"A change imports a new image. DigitalOcean rejects .xz, .zip, .iso and .tar.gz.")
	an.Describe(&a.Regions, "Region slugs the image is available in. The first is the "+
		"region the image is imported into; the others are added with transfers. Adding "+
		"a region transfers the image in place; removing one imports a new image, since "+
		"DigitalOcean cannot remove an image from a region.")
	an.Describe(&a.Description, "A free-form description of the image. Changes in place.")
	an.Describe(&a.Distribution, "The image's distribution, e.g. Ubuntu, Fedora or "+
		"Rocky Linux. Unset, Unknown and Unknown OS mean the same. Changes in place.")
	an.Describe(&a.Tags, "Tags applied to the image. Compared as a set without regard "+
		"to case; changes in place through the tags API.")
}

// CustomImageState is what the stack records about a CustomImage: its inputs
// and what DigitalOcean reports.
type CustomImageState struct {
	Name string `pulumi:"name"`
	ImageSettings

	ImageID       int      `pulumi:"imageId"`
	Type          string   `pulumi:"type"`
	Slug          string   `pulumi:"slug"`
	Public        bool     `pulumi:"public"`
	MinDiskSize   int      `pulumi:"minDiskSize"`
	SizeGigabytes float64  `pulumi:"sizeGigabytes"`
	CreatedAt     string   `pulumi:"createdAt"`
	Status        string   `pulumi:"status"`
	ImageRegions  []string `pulumi:"imageRegions"`
}

// Annotate documents the outputs in the schema.
func (s *CustomImageState) Annotate(a infer.Annotator) {
	a.Describe(&s.Name, nameDocs)
	a.Describe(&s.ImageID, "The DigitalOcean image id; droplets boot from it.")
	a.Describe(&s.Type, "The image type, always custom.")
	a.Describe(&s.Slug, "The image slug; empty for custom images.")
	a.Describe(&s.Public, "Whether the image is public; false for custom images.")
	a.Describe(&s.MinDiskSize, "The smallest disk, in GB, a droplet needs to boot "+
		"from the image.")
	a.Describe(&s.SizeGigabytes, "The size of the image in GB.")
	a.Describe(&s.CreatedAt, "When DigitalOcean created the image, in RFC 3339.")
	a.Describe(&s.Status, "The image status as DigitalOcean reports it: available once "+
		"the import finished.")
	a.Describe(&s.ImageRegions, "Every region the image is in now, including regions "+
		"added outside this program, which never cause a replacement.")
}

// inputs are the program's inputs as the state records them.
func (s CustomImageState) inputs() CustomImageArgs {
	name := s.Name
	return CustomImageArgs{Name: &name, ImageSettings: s.ImageSettings}
}

// withInputs returns the state with the program's inputs in place of its own.
func (s CustomImageState) withInputs(args CustomImageArgs) CustomImageState {
	s.Name = deref(args.Name)
	s.ImageSettings = args.ImageSettings
	return s
}
