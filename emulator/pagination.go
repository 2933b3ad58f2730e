package emulator

import (
	"net/http"
	"net/url"
	"strconv"
)

// Page sizes from the contract: 20 by default, at most 200.
const (
	defaultPerPage = 20
	maxPerPage     = 200
)

// page is a requested slice of a list.
type page struct {
	number  int
	perPage int
}

// meta is the list metadata every list answer carries.
type meta struct {
	Total int `json:"total"`
}

// links holds the page links; pages is omitted on a single page, as the
// real API does.
type links struct {
	Pages map[string]string `json:"pages,omitempty"`
}

// parsePage reads page and per_page, answering 400 when they are not
// numbers. Out-of-range sizes are clamped, as the real API does.
func parsePage(w http.ResponseWriter, r *http.Request) (page, bool) {
	pg := page{number: 1, perPage: defaultPerPage}
	q := r.URL.Query()
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			writeError(w, r, http.StatusBadRequest, "page must be an integer")
			return pg, false
		}
		pg.number = max(n, 1)
	}
	if v := q.Get("per_page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			writeError(w, r, http.StatusBadRequest, "per_page must be an integer")
			return pg, false
		}
		pg.perPage = min(max(n, 1), maxPerPage)
	}
	return pg, true
}

// paginate cuts one page out of items and builds its links.
func paginate[T any](r *http.Request, pg page, items []T) ([]T, links) {
	start := min((pg.number-1)*pg.perPage, len(items))
	end := min(start+pg.perPage, len(items))
	last := max((len(items)+pg.perPage-1)/pg.perPage, 1)

	l := links{Pages: map[string]string{}}
	if pg.number > 1 {
		l.Pages["first"] = pageURL(r, 1, pg.perPage)
		l.Pages["prev"] = pageURL(r, min(pg.number-1, last), pg.perPage)
	}
	if pg.number < last {
		l.Pages["next"] = pageURL(r, pg.number+1, pg.perPage)
		l.Pages["last"] = pageURL(r, last, pg.perPage)
	}
	if len(l.Pages) == 0 {
		l.Pages = nil
	}
	return append([]T{}, items[start:end]...), l
}

// pageURL is the absolute URL of another page of the same list.
func pageURL(r *http.Request, number, perPage int) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(number))
	q.Set("per_page", strconv.Itoa(perPage))
	u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	return u.String()
}
