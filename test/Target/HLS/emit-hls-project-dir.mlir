// The project directory rule of --emit-hls-project (docs/Lowering.md, "The
// project directory"): DIR is absent, empty, or an nn project (marked by
// .nn-hls-project); the emitter's files are never symbolic links; other
// files are left alone; every file is written inside DIR.
// RUN: rm -rf %t && mkdir -p %t

// A file as the target.
// RUN: touch %t/file
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/file %s 2>&1 | FileCheck %s --check-prefix=FILE
// FILE: error: the HLS project directory '{{.*}}/file' exists and is not a directory

// A directory that cannot be created (its parent is a file).
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/file/sub %s 2>&1 | FileCheck %s --check-prefix=CREATE
// CREATE: error: cannot create '{{.*}}/file/sub/firmware': Not a directory

// No directory at all.
// RUN: not nn-translate --emit-hls-project --hls-project-dir= %s 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: --emit-hls-project needs a directory (--hls-project-dir=DIR)

// A non-empty directory of something else: refused, untouched.
// RUN: mkdir %t/other && touch %t/other/notes.txt
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/other %s 2>&1 | FileCheck %s --check-prefix=OTHER
// OTHER: error: the HLS project directory '{{.*}}/other' is not empty and holds no nn HLS project (no .nn-hls-project): not writing into it
// RUN: env LC_ALL=C ls -A %t/other | FileCheck %s --check-prefix=UNTOUCHED
// UNTOUCHED: {{^}}notes.txt{{$}}
// UNTOUCHED-NOT: {{.}}

// An empty directory, then the same project again with a file of the user's
// in it: written, the user's file kept.
// RUN: mkdir %t/prj
// RUN: nn-translate --emit-hls-project --hls-project-dir=%t/prj %s | FileCheck %s --check-prefix=WROTE
// WROTE: wrote the HLS project to {{.*}}/prj
// RUN: echo data > %t/prj/x.npy
// RUN: nn-translate --emit-hls-project --hls-project-dir=%t/prj %s
// RUN: env LC_ALL=C ls -A %t/prj %t/prj/firmware | FileCheck %s --check-prefix=FILES
// FILES: .nn-hls-project
// FILES-NEXT: Makefile
// FILES-NEXT: build_prj.tcl
// FILES-NEXT: csim
// FILES-NEXT: firmware
// FILES-NEXT: tiny_test.cpp
// FILES-NEXT: x.npy
// FILES: firmware:
// FILES-NEXT: tiny.cpp
// FILES-NEXT: tiny.h
// FILES-NOT: {{.}}
// RUN: grep -q data %t/prj/x.npy

// A symbolic link in place of one of the emitter's files (it could lead
// outside DIR): refused, the link's target not created.
// RUN: rm %t/prj/Makefile && ln -s %t/outside %t/prj/Makefile
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/prj %s 2>&1 | FileCheck %s --check-prefix=LINK
// LINK: error: '{{.*}}/prj/Makefile' exists and is not a regular file (symbolic links are not followed): not overwritten
// RUN: not test -e %t/outside

// The same for firmware/.
// RUN: rm %t/prj/Makefile && mv %t/prj/firmware %t/fw && ln -s %t/fw %t/prj/firmware
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/prj %s 2>&1 | FileCheck %s --check-prefix=FWLINK
// FWLINK: error: '{{.*}}/prj/firmware' exists and is not a directory (symbolic links are not followed)

// The same for the directories of the carried headers (csim/...).
// RUN: mv %t/fw %t/prj/firmware.real && rm %t/prj/firmware && mv %t/prj/firmware.real %t/prj/firmware
// RUN: nn-translate --emit-hls-project --hls-project-dir=%t/prj %s
// RUN: mv %t/prj/csim %t/csim && ln -s %t/csim %t/prj/csim
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/prj %s 2>&1 | FileCheck %s --check-prefix=CSIMLINK
// CSIMLINK: error: '{{.*}}/prj/csim' exists and is not a directory (symbolic links are not followed)
// RUN: rm %t/prj/csim && mkdir -p %t/prj/csim/include && ln -s %t/outside.h %t/prj/csim/include/ap_fixed.h
// RUN: not nn-translate --emit-hls-project --hls-project-dir=%t/prj %s 2>&1 | FileCheck %s --check-prefix=HDRLINK
// HDRLINK: error: '{{.*}}/prj/csim/include/ap_fixed.h' exists and is not a regular file (symbolic links are not followed): not overwritten
// RUN: not test -e %t/outside.h

func.func @tiny(%x: memref<2x!nn.fixed<8, 3>> loc("x"), %y: memref<2x!nn.fixed<8, 3>> {nn.hls.output} loc("y")) {
  affine.for %i = 0 to 2 {
    %v = affine.load %x[%i] : memref<2x!nn.fixed<8, 3>>
    affine.store %v, %y[%i] : memref<2x!nn.fixed<8, 3>>
  }
  return
}
