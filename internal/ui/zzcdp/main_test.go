package cdp

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestDataParam(t *testing.T) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox, chromedp.Flag("use-angle", "swiftshader"), chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.WindowSize(1280, 800))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	defer cancel3()
	if err := chromedp.Do(ctx, chromedp.Navigate(os.Getenv("URL"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.tallyscope && JSON.parse(window.tallyscope.state()).ready && JSON.parse(window.tallyscope.state()).data.units > 100`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.tallyscope.state()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s[:min(len(s), 700)])
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(os.Getenv("OUT"), buf, 0o644)
}
