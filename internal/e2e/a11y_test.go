package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/view"
)

// axNode is one node of Chromium's accessibility tree, as a screen
// reader gets it.
type axNode struct {
	role, name string
	live       string // the aria-live politeness, "" for none
	parent     string
	id         string
}

// axTree returns the page's accessibility tree (Accessibility domain).
func axTree(t *testing.T, ctx context.Context) map[string]axNode {
	t.Helper()
	var res accessibility.GetFullAXTreeResult
	require.NoError(t, chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, accessibility.Enable, cdp.Empty{}); err != nil {
			return err
		}
		r, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		res = r
		return err
	})))
	str := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s string
		if json.Unmarshal(v.Value, &s) != nil {
			return ""
		}
		return s
	}
	out := map[string]axNode{}
	for _, n := range res.Nodes {
		if n.Ignored {
			continue
		}
		a := axNode{role: str(n.Role), name: str(n.Name), parent: string(n.ParentID), id: string(n.NodeID)}
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameLive {
				a.live = str(p.Value)
			}
		}
		out[a.id] = a
	}
	return out
}

// inLive reports whether node n is inside a polite live region.
func inLive(tree map[string]axNode, n axNode) bool {
	for range 20 {
		if n.live == "polite" {
			return true
		}
		p, ok := tree[n.parent]
		if !ok {
			return false
		}
		n = p
	}
	return false
}

// axFind returns the nodes of a role whose name contains s.
func axFind(tree map[string]axNode, role, s string) []axNode {
	var out []axNode
	for _, n := range tree {
		if (role == "" || n.role == role) && strings.Contains(n.name, s) {
			out = append(out, n)
		}
	}
	return out
}

// nativeMirror is what the app's model, run natively, writes as the text
// mirror for a fragment of the default data.
func nativeMirror(t *testing.T, fragment string) view.MirrorText {
	t.Helper()
	ds, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	st := app.New(ds, i18n.EN, fragment)
	st.Update(0)
	return view.Mirror(st)
}

// TestAccessibilityTree reads the page as a screen reader does, through
// Chromium's accessibility tree: once the app runs, the headline sentence
// is in a polite live region and the shares are cells of a table; after
// a scenario change made with the keyboard, the tree holds the new
// sentence and the scenario's shares.
func TestAccessibilityTree(t *testing.T) {
	ctx := open(t, desktop, "/")
	before := ready(t, ctx)
	want := nativeMirror(t, "")
	tree := axTree(t, ctx)
	heads := axFind(tree, "StaticText", want.Headline)
	require.NotEmpty(t, heads, "the headline %q is in the accessibility tree", want.Headline)
	assert.True(t, inLive(tree, heads[0]), "the headline is in an aria-live=polite region")
	assert.NotEmpty(t, axFind(tree, "cell", "67.08%"), "González's counted share is a table cell")
	assert.NotEmpty(t, axFind(tree, "cell", "30.46%"), "Maduro's counted share is a table cell")
	assert.NotEmpty(t, axFind(tree, "rowheader", "Zulia"), "the region table has a row for Zulia")

	focusControl(t, ctx, "split")
	pressKeys(t, ctx, kb.ArrowRight, kb.ArrowRight, kb.ArrowRight)
	after := waitState(t, ctx, 10*time.Second, "the scenario to change after the keys", projectedChanged(before))
	want = nativeMirror(t, after.Fragment)
	t.Logf("after the keys: fragment %q; headline %q", after.Fragment, want.Headline)
	require.Contains(t, want.Headline, "Scenario:", "the native headline names the scenario")
	var found []axNode
	deadline := time.Now().Add(10 * time.Second)
	for len(found) == 0 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		tree = axTree(t, ctx)
		found = axFind(tree, "StaticText", want.Headline)
	}
	require.NotEmpty(t, found, "the new headline %q is in the accessibility tree", want.Headline)
	assert.True(t, inLive(tree, found[0]), "the new headline is in the live region")
	// The canvas' focused control is announced through the live line.
	focus := axFind(tree, "StaticText", "share of the missing votes: 3")
	require.NotEmpty(t, focus, "the focused split slider's label and value are in the tree")
	assert.True(t, inLive(tree, focus[0]), "the focused control is in a live region")
	for _, c := range after.Projected[:2] {
		share := fmt.Sprintf("%.2f%%", 100*c.Share)
		assert.NotEmpty(t, axFind(tree, "cell", share), "the scenario's share of %s, %s, is a table cell", c.ID, share)
	}
	assert.Empty(t, problems(ctx), "errors on the page")
}

// TestMapMirrorIsATable opens the Map view: the page's mirror lists the
// states as a table that a screen reader walks (a row header per state,
// its leader and the value its colour shows as cells).
func TestMapMirrorIsATable(t *testing.T) {
	ctx := open(t, desktop, "/#view=map")
	ready(t, ctx)
	waitState(t, ctx, 20*time.Second, "the map's 24 states", func(s state) bool { return s.Map != nil && s.Map.Drawn == 24 })
	var zulia []axNode
	deadline := time.Now().Add(10 * time.Second)
	for len(zulia) == 0 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		zulia = axFind(axTree(t, ctx), "rowheader", "Zulia")
	}
	require.NotEmpty(t, zulia, "the map's table has a row for Zulia")
	tree := axTree(t, ctx)
	assert.NotEmpty(t, axFind(tree, "columnheader", "Leader"), "the map's table has a Leader column")
	assert.NotEmpty(t, axFind(tree, "cell", "González"), "a state's leader is a table cell")
	assert.NotEmpty(t, axFind(tree, "cell", "leads by"), "the value its colour shows is a table cell")
	assert.Empty(t, problems(ctx), "errors on the page")
}
