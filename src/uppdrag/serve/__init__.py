"""The live preview: the site served from the files on disk, reloaded in the browser after each save."""
