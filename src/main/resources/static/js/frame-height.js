// The widget's iframe tells the page that embeds it how tall it is, so that the page can size the frame to fit
// (README: the one-line listener). Only a number is sent; the listener checks where it came from.
(function () {
  'use strict';
  function send() {
    if (window.parent !== window) {
      window.parent.postMessage({ goalpostHeight: Math.ceil(document.documentElement.scrollHeight) }, '*');
    }
  }
  window.addEventListener('load', send);
  window.addEventListener('resize', send);
  send();
}());
