// Import DigitalOcean custom images from a URL, wait until they are usable, and keep their regions, tags and metadata in sync.
package digitaloceancustomimage
