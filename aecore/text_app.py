"""Text of the app's pages, widgets and command line. key -> (en, ko)."""

TEXT = {
    # ---- command line ---------------------------------------------------------------------------
    "cli.model": ("Model: {dialect} stack on input {shape}", "모델: 입력 {shape}의 {dialect} 스택"),
    "cli.layer": ("Layer (type)", "층 (종류)"),
    "cli.output": ("Output shape", "출력 모양"),
    "cli.params": ("Param #", "파라미터 수"),
    "cli.why": ("Why", "이유"),
    "cli.total": ("Total params: {n}", "전체 파라미터: {n}"),
    "cli.trainable": ("Trainable params: {n}", "학습 파라미터: {n}"),
    "cli.frozen": ("Non-trainable params: {n}", "학습하지 않는 파라미터: {n}"),
    "cli.same": ("✓ The output {out} equals the input {inp}: it can learn to reconstruct.",
                 "✓ 출력 {out}이 입력 {inp}과 같습니다: 복원을 학습할 수 있습니다."),
    "cli.differs": ("✗ The output {out} differs from the input {inp}: an autoencoder must give back its input's shape.",
                    "✗ 출력 {out}이 입력 {inp}과 다릅니다: 오토인코더는 입력과 같은 모양을 돌려줘야 합니다."),
    "cli.need_input": ("give the input shape with --input (e.g. --input 28,28,1)",
                       "--input으로 입력 모양을 주세요 (예: --input 28,28,1)"),

    # ---- navigation and sidebar -------------------------------------------------------------------
    "nav.home": ("Welcome", "시작"),
    "nav.builder": ("Layer Builder", "레이어 빌더"),
    "side.device": ("{icon} Training on **{kind}** · {name}{memory}", "{icon} **{kind}**에서 학습 · {name}{memory}"),
    "side.cpu_hint": ("No GPU here: the defaults are small, so training takes seconds.",
                      "GPU가 없습니다: 기본 설정이 작아서 학습은 몇 초면 됩니다."),

    # ---- home ---------------------------------------------------------------------------------------
    "home.title": ("🧠 The autoencoder classroom", "🧠 오토인코더 교실"),
    "home.lead": ("An autoencoder squeezes an image through a narrow code and rebuilds it. Here you **build** "
                  "one layer by layer, **train** it on this machine, and **use** it: reconstructions, "
                  "denoising, the latent space and similar-image search.",
                  "오토인코더는 이미지를 좁은 코드로 압축했다가 다시 만들어 냅니다. 여기서는 층을 하나씩 쌓아 "
                  "**만들고**, 이 컴퓨터에서 **학습시키고**, 복원·노이즈 제거·잠재 공간·비슷한 이미지 찾기에 "
                  "**써 봅니다**."),
    "home.build_title": ("1 · Build", "1 · 만들기"),
    "home.build_text": ("Stack layers and watch every output shape change as you type. Paste Keras or PyTorch "
                        "code from a lesson and see its table.",
                        "층을 쌓으면서 출력 모양이 바뀌는 것을 바로 봅니다. 수업의 Keras나 PyTorch 코드를 붙여 "
                        "넣어 표로 볼 수도 있습니다."),
    "home.train_title": ("2 · Train", "2 · 학습"),
    "home.train_text": ("Train on the GPU if there is one, else on the CPU, with live loss curves and "
                        "reconstructions.",
                        "GPU가 있으면 GPU로, 없으면 CPU로 학습하며 손실 곡선과 복원 결과를 실시간으로 봅니다."),
    "home.use_title": ("3 · Use", "3 · 활용"),
    "home.use_text": ("Denoise images, explore the latent space, and find similar images by their codes.",
                      "노이즈를 없애고, 잠재 공간을 탐색하고, 코드로 비슷한 이미지를 찾습니다."),
    "home.puzzle_title": ("The shape puzzle", "모양 퍼즐"),
    "home.puzzle_text": ("The first lesson's model pools twice but upsamples three times, and still ends at "
                         "28×28. Why? Two rows of the table hold the answer: a 'same' pooling turns 7 into 4, and "
                         "one convolution without padding turns 16 into 14.",
                         "첫 수업의 모델은 풀링을 두 번, 업샘플링을 세 번 하는데도 28×28로 끝납니다. 왜일까요? 표의 "
                         "두 줄에 답이 있습니다: 'same' 풀링은 7을 4로, 패딩 없는 합성곱은 16을 14로 만듭니다."),
    "home.open_builder": ("Open the Layer Builder", "레이어 빌더 열기"),

    # ---- the shape table and its picture ------------------------------------------------------------
    "table.layer": ("Layer", "층"),
    "table.input": ("input", "입력"),
    "table.shape": ("Output shape", "출력 모양"),
    "table.params": ("Params", "파라미터"),
    "table.why": ("Why", "이유"),
    "table.bottleneck": ("bottleneck", "병목"),
    "table.torch_ops": ("PyTorch ops", "PyTorch 연산"),
    "viz.input": ("input", "입력"),
    "viz.hover_input": ("input {shape}", "입력 {shape}"),
    "viz.hover_row": ("{type} → {shape}<br>{n} values · {p} params", "{type} → {shape}<br>값 {n}개 · 파라미터 {p}개"),
    "viz.hover_error": ("this layer fails", "이 층에서 실패"),
    "viz.hourglass_title": ("Numbers per image after each layer (log scale): the hourglass",
                            "층마다 이미지 한 장의 숫자 개수 (로그 눈금): 모래시계 모양"),
    "viz.values": ("values per image", "이미지당 값의 개수"),

    # ---- Layer Builder --------------------------------------------------------------------------------
    "builder.title": ("🧱 Layer Builder", "🧱 레이어 빌더"),
    "builder.intro": ("Change any layer and the table, the picture and the code follow at once. Each row says "
                      "why its shape is what it is.",
                      "층을 바꾸면 표와 그림과 코드가 바로 따라 바뀝니다. 줄마다 그 모양이 나온 이유를 보여 줍니다."),
    "builder.start_from": ("Start from", "시작 모델"),
    "builder.input_shape": ("Input shape", "입력 모양"),
    "builder.input_help_keras": ("Keras order: height, width, channels, e.g. 28, 28, 1",
                                 "Keras 순서: 높이, 너비, 채널 (예: 28, 28, 1)"),
    "builder.input_help_torch": ("PyTorch order: channels, height, width, e.g. 1, 28, 28",
                                 "PyTorch 순서: 채널, 높이, 너비 (예: 1, 28, 28)"),
    "builder.torch_view": ("PyTorch view", "PyTorch로 보기"),
    "builder.torch_view_help": ("Show the shapes as torch sees them (C, H, W), the torch ops of each row, and "
                                "runnable PyTorch code for this stack.",
                                "torch가 보는 모양 (C, H, W), 줄마다의 torch 연산, 실행되는 PyTorch 코드를 보여 줍니다."),
    "builder.paste_title": ("📋 Paste Keras or PyTorch code", "📋 Keras나 PyTorch 코드 붙여 넣기"),
    "builder.paste_label": ("Model code (it is read, never run)", "모델 코드 (읽기만 하고 실행하지 않습니다)"),
    "builder.paste_placeholder": ("model = Sequential()\nmodel.add(Conv2D(16, kernel_size=3, padding='same', "
                                  "input_shape=(28, 28, 1)))\n...",
                                  "model = Sequential()\nmodel.add(Conv2D(16, kernel_size=3, padding='same', "
                                  "input_shape=(28, 28, 1)))\n..."),
    "builder.var": ("Value of `{name}` (the code never sets it)", "`{name}`의 값 (코드에 없음)"),
    "builder.read": ("Read the code", "코드 읽기"),
    "builder.read_ok": ("Read {n} layers ({dialect}). Edit them below.", "{n}개 층을 읽었습니다 ({dialect}). 아래에서 고치세요."),
    "builder.layers": ("Layers", "층"),
    "builder.type_n": ("Layer {i}", "{i}번 층"),
    "builder.fails_here": ("fails here", "여기서 실패"),
    "builder.up": ("Move up", "위로"),
    "builder.down": ("Move down", "아래로"),
    "builder.remove": ("Remove this layer", "이 층 지우기"),
    "builder.more": ("More keywords", "키워드 더 보기"),
    "builder.default": ("default: {v}", "기본값: {v}"),
    "builder.required": ("required", "필수"),
    "builder.add_type": ("Add a layer at the end", "끝에 층 추가"),
    "builder.add": ("➕ Add", "➕ 추가"),
    "builder.total": ("Total params", "전체 파라미터"),
    "builder.trainable": ("Trainable params", "학습 파라미터"),
    "builder.n_layers": ("Layers", "층 수"),
    "builder.banner_error": ("Layer {i} fails: its message is in the red row. Every row before it still stands.",
                             "{i}번 층에서 실패합니다: 빨간 줄에 이유가 있습니다. 그 앞의 줄은 그대로 보입니다."),
    "builder.banner_empty": ("No layers yet: pick a model above or add a layer.",
                             "아직 층이 없습니다: 위에서 모델을 고르거나 층을 추가하세요."),
    "builder.banner_same": ("The output {shape} equals the input: this autoencoder can learn to rebuild its images.",
                            "출력 {shape}이 입력과 같습니다: 이 오토인코더는 이미지를 다시 만드는 법을 배울 수 있습니다."),
    "builder.banner_differs": ("The output {out} is not the input {inp}: an autoencoder must give back the shape "
                               "it was given.",
                               "출력 {out}이 입력 {inp}과 다릅니다: 오토인코더는 받은 모양 그대로 돌려줘야 합니다."),
    "preset.s0-keras-conv": ("Seed 000 · Keras conv puzzle (2 poolings, 3 upsamplings)",
                             "시드 000 · Keras 합성곱 퍼즐 (풀링 2번, 업샘플링 3번)"),
    "preset.s1-uva-conv": ("Seed 001 · PyTorch conv encoder/decoder (GELU, latent 256)",
                           "시드 001 · PyTorch 합성곱 인코더/디코더 (GELU, 잠재 256)"),
    "preset.s2-mlp3": ("Seed 002 · MLP 784-128-64-12-3 (3-D latent)", "시드 002 · MLP 784-128-64-12-3 (3차원 잠재)"),
    "preset.s3-dense": ("Seed 003 · one Dense layer each way (latent 32)", "시드 003 · 양쪽 Dense 한 층 (잠재 32)"),
    "preset.s4-stacked": ("Seed 004 · stacked 784-300-150-300-784 (ELU)", "시드 004 · 적층 784-300-150-300-784 (ELU)"),
    "preset.empty-keras": ("Empty · Keras", "빈 스택 · Keras"),
    "preset.empty-pytorch": ("Empty · PyTorch", "빈 스택 · PyTorch"),

    # ---- predict the shape ------------------------------------------------------------------------------
    "quiz.title": ("🎯 Predict the shape", "🎯 모양 맞히기"),
    "quiz.intro": ("One output shape is hidden (and everything after it). Work it out, type it, and the app "
                   "checks it with the arithmetic.",
                   "출력 모양 하나(와 그 뒤)를 가립니다. 계산해서 적으면 앱이 식과 함께 확인해 줍니다."),
    "quiz.start": ("Hide a shape", "모양 가리기"),
    "quiz.question": ("Layer {i}: `{call}` receives ({shape}). What shape comes out?",
                      "{i}번 층: `{call}`가 ({shape})를 받습니다. 어떤 모양이 나올까요?"),
    "quiz.answer": ("Your answer", "내 답"),
    "quiz.check": ("Check", "확인"),
    "quiz.another": ("Another one", "다른 문제"),
    "quiz.stop": ("Show everything", "모두 보기"),
    "quiz.right": ("✓ Right: {shape}. {why}", "✓ 맞았습니다: {shape}. {why}"),
    "quiz.wrong": ("Not quite: you said {guess}, it is {shape}. {why}", "아쉽습니다: {guess}라고 했지만 답은 {shape}입니다. {why}"),
    "quiz.hint_rank": (" (It has {n} numbers.)", " (숫자 {n}개입니다.)"),
    "quiz.hint_order": (" (Right numbers, wrong order: write {order}.)", " (숫자는 맞고 순서가 다릅니다: {order} 순서로 쓰세요.)"),
    "quiz.unreadable": ("Type the shape as numbers separated by commas, e.g. 14, 14, 16 (got {v!r}).",
                        "모양을 쉼표로 나눈 숫자로 적으세요. 예: 14, 14, 16 (받은 값: {v!r})"),

    # ---- datasets -------------------------------------------------------------------------------------
    "data.unknown": ("There is no dataset called '{name}'. Known: {names}.", "'{name}'라는 데이터셋은 없습니다. 있는 것: {names}."),
    "data.missing": ("{name} is not in {root} and downloading is off. The offline sets need no network: {offline}.",
                     "{name}이(가) {root}에 없고 다운로드가 꺼져 있습니다. 오프라인 데이터셋은 네트워크 없이 됩니다: {offline}."),
    "data.download_failed": ("Could not download {name} ({reason}). Is there a network here? The offline sets need "
                             "none: {offline}.",
                             "{name}을(를) 내려받지 못했습니다 ({reason}). 네트워크가 있나요? 오프라인 데이터셋은 "
                             "네트워크가 필요 없습니다: {offline}."),
    "data.broken": ("The files of {name} in {root} cannot be read ({reason}). Delete that folder to download them "
                    "again.",
                    "{root}에 있는 {name} 파일을 읽을 수 없습니다 ({reason}). 그 폴더를 지우면 다시 내려받습니다."),

    # ---- training -------------------------------------------------------------------------------------
    "train.bad_stack": ("The custom model's stack is not readable JSON.", "사용자 모델의 스택을 JSON으로 읽을 수 없습니다."),
    "train.unknown_model": ("There is no model called '{name}'. Known: {names}, custom.",
                            "'{name}'라는 모델은 없습니다. 있는 것: {names}, custom."),
    "train.range": ("{kw} must be from {low} to {high}; got {v!r}.", "{kw}는 {low}에서 {high} 사이여야 하는데 {v!r}입니다."),
    "train.choice": ("{kw} must be one of {options}; got {v!r}.", "{kw}는 {options} 중 하나여야 하는데 {v!r}입니다."),
    "train.invalid_stack": ("This stack cannot be built: {error}", "이 스택은 만들 수 없습니다: {error}"),
    "train.not_autoencoder": ("The model's output {out} is not its input {inp}, so it cannot learn to rebuild "
                              "images. Fix it in the Layer Builder.",
                              "모델의 출력 {out}이 입력 {inp}과 달라 이미지를 복원하는 법을 배울 수 없습니다. 레이어 "
                              "빌더에서 고치세요."),
    "train.channels": ("The model takes {c} channels; images have 1 (grey) or 3 (colour).",
                       "모델이 채널 {c}개를 받는데 이미지는 1개(흑백)나 3개(컬러)입니다."),
    "train.flat_input": ("A flat input of {n} values must be channels × side × side of an image (784 = 1 × 28 × 28, "
                         "3072 = 3 × 32 × 32).",
                         "평평한 입력 {n}개는 채널 × 변 × 변이어야 합니다 (784 = 1 × 28 × 28, 3072 = 3 × 32 × 32)."),
    "train.bce_needs_sigmoid": ("Binary cross-entropy needs outputs between 0 and 1: end the model with a sigmoid, "
                                "or choose MSE.",
                                "이진 교차 엔트로피는 0과 1 사이의 출력이 필요합니다: 모델 끝에 sigmoid를 두거나 MSE를 "
                                "고르세요."),
    "train.budget": ("{n} images × {e} epochs = {total} image passes is more than this {device} allows ({budget}). "
                     "Use fewer epochs or fewer images.",
                     "이미지 {n}장 × {e} 에폭 = {total}번은 이 {device}에서 허용하는 {budget}번보다 많습니다. 에폭이나 "
                     "이미지를 줄이세요."),
    "train.crashed": ("Training stopped on an unexpected {error}. The details are in the server log; try again, or "
                      "with smaller settings.",
                      "예상하지 못한 {error} 때문에 학습이 멈췄습니다. 자세한 내용은 서버 로그에 있습니다. 다시 하거나 "
                      "더 작은 설정으로 해 보세요."),

    "viz.train_loss": ("training", "학습"),
    "viz.test_loss": ("test", "테스트"),
    "viz.now": ("this epoch so far", "이번 에폭 진행 중"),
    "viz.loss_title": ("Loss per epoch {loss}", "에폭별 손실 {loss}"),
    "viz.epoch": ("epoch", "에폭"),
    "viz.loss": ("loss", "손실"),

    # ---- the Train page ---------------------------------------------------------------------------------
    "nav.train": ("Train", "학습"),
    "builder.to_train": ("Train this model", "이 모델 학습하기"),
    "train.title": ("🏋️ Train", "🏋️ 학습"),
    "train.intro": ("The model learns to rebuild its input through the narrow code. Watch the loss fall and the "
                    "reconstructions sharpen, epoch by epoch. A finished run is kept: the same settings come back "
                    "at once.",
                    "모델이 좁은 코드를 거쳐 입력을 다시 만드는 법을 배웁니다. 에폭마다 손실이 줄고 복원이 선명해지는 "
                    "것을 보세요. 끝난 학습은 저장되어 같은 설정이면 바로 다시 나옵니다."),
    "train.dataset": ("Images", "이미지"),
    "train.model": ("Model", "모델"),
    "train.model_custom": ("My stack from the Layer Builder", "레이어 빌더에서 만든 내 스택"),
    "train.no_custom": ("Build a stack in the Layer Builder first: it appears here when its output shape equals its "
                        "input shape.",
                        "먼저 레이어 빌더에서 스택을 만드세요: 출력 모양이 입력 모양과 같으면 여기에 나타납니다."),
    "train.to_builder": ("Back to the Layer Builder", "레이어 빌더로 돌아가기"),
    "train.epochs": ("Epochs", "에폭"),
    "train.batch": ("Batch size", "배치 크기"),
    "train.lr": ("Learning rate (Adam)", "학습률 (Adam)"),
    "train.loss": ("Loss", "손실 함수"),
    "train.loss_auto": ("auto", "자동"),
    "train.loss_bce": ("BCE", "BCE"),
    "train.loss_mse": ("MSE", "MSE"),
    "train.denoise_title": ("Denoising and sparsity", "노이즈 제거와 희소성"),
    "train.noise": ("Corrupt the input with", "입력에 넣을 노이즈"),
    "train.noise_level": ("Noise level", "노이즈 세기"),
    "train.level_help": ("Gaussian: σ on pixels in [0, 1] (lesson 001 uses 0.2). Salt-and-pepper and masking: the "
                         "share of pixels hit.",
                         "가우시안: [0, 1] 픽셀에 더하는 σ (001 수업은 0.2). 소금-후추와 마스킹: 바뀌는 픽셀의 비율."),
    "train.sparsity": ("Sparsity (L1 on the code)", "희소성 (코드에 L1)"),
    "train.sparsity_help": ("A sparse autoencoder: a penalty that keeps most of the code near zero.",
                            "희소 오토인코더: 코드 대부분이 0 가까이 머물도록 벌점을 줍니다."),
    "train.advanced": ("More settings", "설정 더 보기"),
    "train.seed": ("Random seed", "난수 시드"),
    "train.max_train": ("At most this many training images", "학습 이미지 최대 개수"),
    "train.max_train_help": ("A smaller number trains faster on a small machine.", "작을수록 작은 컴퓨터에서 빨리 학습합니다."),
    "train.go": ("Train", "학습 시작"),
    "train.stop": ("Stop", "멈추기"),
    "train.ready": ("Choose the settings and press Train. The defaults take seconds, even without a GPU.",
                    "설정을 고르고 학습 시작을 누르세요. 기본 설정은 GPU 없이도 몇 초면 됩니다."),
    "train.queued": ("Waiting for the machine: {n} in line. Other learners are training now.",
                     "컴퓨터를 기다리는 중: {n}번째 순서입니다. 다른 학생이 학습 중입니다."),
    "train.downloading": ("Downloading {label}: {size}", "{label} 내려받는 중: {size}"),
    "train.loading": ("Loading the images…", "이미지를 불러오는 중…"),
    "train.epoch_of": ("Epoch {e} of {n} · step {s} of {steps}", "에폭 {e}/{n} · 단계 {s}/{steps}"),
    "train.phase_queued": ("Queued", "대기 중"),
    "train.phase_data": ("Loading the images…", "이미지를 불러오는 중…"),
    "train.phase_training": ("Training…", "학습 중…"),
    "train.phase_done": ("Done", "완료"),
    "train.phase_stopped": ("Stopped before the end: nothing was kept. Press Train to run it again.",
                            "끝나기 전에 멈췄습니다: 저장된 것은 없습니다. 다시 학습 시작을 누르세요."),
    "train.phase_error": ("Stopped by an error", "오류로 멈춤"),
    "train.finished": ("Trained in {s} s and kept: the same settings will come back at once.",
                       "{s}초 동안 학습해 저장했습니다: 같은 설정이면 바로 다시 나옵니다."),
    "train.from_memory": ("Already trained with these settings (kept in memory): no need to train again.",
                          "이 설정으로 이미 학습했습니다 (메모리에 있음): 다시 학습할 필요가 없습니다."),
    "train.from_disk": ("Already trained with these settings (kept on disk): no need to train again.",
                        "이 설정으로 이미 학습했습니다 (디스크에 있음): 다시 학습할 필요가 없습니다."),
    "noise.none": ("no noise", "노이즈 없음"),
    "noise.gaussian": ("Gaussian noise", "가우시안 노이즈"),
    "noise.salt_pepper": ("salt and pepper", "소금-후추 노이즈"),
    "noise.masking": ("masking (pixels set to 0)", "마스킹 (픽셀을 0으로)"),
    "grid.originals": ("top: test images", "위: 테스트 이미지"),
    "grid.noisy": ("middle: the input with {kind}", "가운데: {kind}를 넣은 입력"),
    "grid.reconstructions": ("bottom: the autoencoder's reconstructions", "아래: 오토인코더의 복원"),
    "stat.device": ("Device", "장치"),
    "stat.images": ("Training images", "학습 이미지"),
    "stat.epoch_s": ("Time per epoch", "에폭당 시간"),
    "stat.speed": ("Images per second", "초당 이미지"),
    "stat.running": ("Loss this epoch so far", "이번 에폭 손실"),
    "train.curve_soon": ("The loss curve appears when the first epoch ends.", "첫 에폭이 끝나면 손실 곡선이 나타납니다."),
    "dataset.digits": ("Digits · 1,797 handwritten 8×8 digits (scikit-learn), offline", "숫자 · 손글씨 8×8 숫자 1,797장 (scikit-learn), 오프라인"),
    "dataset.textures": ("Textures · grass, gravel, brick tiles (scikit-image), offline",
                         "질감 · 풀, 자갈, 벽돌 조각 (scikit-image), 오프라인"),
    "dataset.ihc": ("Stained tissue · colour tiles of an IHC slide (scikit-image), offline",
                    "염색 조직 · IHC 슬라이드의 컬러 조각 (scikit-image), 오프라인"),
    "dataset.faces": ("Faces · 200 small face / non-face patches (scikit-image), offline",
                      "얼굴 · 작은 얼굴/비얼굴 조각 200장 (scikit-image), 오프라인"),
    "dataset.mnist": ("MNIST · 70,000 handwritten digits", "MNIST · 손글씨 숫자 70,000장"),
    "dataset.fashion-mnist": ("Fashion-MNIST · 70,000 clothing images", "Fashion-MNIST · 옷 이미지 70,000장"),
    "dataset.cifar10": ("CIFAR-10 · 60,000 small colour photos", "CIFAR-10 · 작은 컬러 사진 60,000장"),
    "dataset.medmnist": ("{title} (MedMNIST, {c} channel(s)) · downloads {mb} MB", "{title} (MedMNIST, 채널 {c}개) · {mb} MB 내려받기"),
    "dataset.local": ("on this machine", "이 컴퓨터에 있음"),
    "dataset.download": ("downloads {mb} MB", "{mb} MB 내려받기"),
}
