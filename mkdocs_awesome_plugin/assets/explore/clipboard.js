/* mkdocs-awesome-plugin explorer: putting exported text on the clipboard or into a download. */
(function (explore) {
  "use strict";

  /* Copy the text a promise gives. Safari only lets a page write to the clipboard during the
     click, so the promise goes into a ClipboardItem at once; elsewhere writeText follows. */
  function copyLater(textPromise) {
    if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem &&
        window.isSecureContext) {
      try {
        var item = new window.ClipboardItem({
          "text/plain": textPromise.then(function (text) {
            return new Blob([text], { type: "text/plain" });
          }),
        });
        return navigator.clipboard.write([item]).catch(function () {
          return textPromise.then(copyText);
        });
      } catch (e) {
        // a ClipboardItem that takes no promise: fall through
      }
    }
    return textPromise.then(copyText);
  }

  function copyText(text) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (!ok) throw new Error("the browser refused");
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return new Promise(function (resolve) {
      fallback();
      resolve();
    });
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "application/x-bibtex;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  explore.clipboard = { copyLater: copyLater, copyText: copyText, download: download };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
