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
    "home.puzzle_text": ("Lesson 1's model pools {pools} times but upsamples {ups} times, and still ends at "
                         "{side}×{side}. Why? Follow the side of the image down its table: **{chain}**. Two rows hold "
                         "the answer. Row {odd_row}, a {odd_type} with stride {odd_strides} and 'same' padding, rounds "
                         "up: ⌈{odd_in}/{odd_strides}⌉ = {odd_out}. Row {trim_row}, a {odd_type} without padding, "
                         "trims the border: {trim_in} becomes {trim_out}, and the last upsampling lands on {side}.",
                         "1강의 모델은 풀링을 {pools}번, 업샘플링을 {ups}번 하는데도 {side}×{side}로 끝납니다. "
                         "왜일까요? 표를 따라 이미지 한 변의 길이를 보세요: **{chain}**. 답은 두 줄에 있습니다. "
                         "{odd_row}번 줄은 stride {odd_strides}에 'same' 패딩을 쓴 {odd_type}로, 올림을 합니다: "
                         "⌈{odd_in}/{odd_strides}⌉ = {odd_out}. {trim_row}번 줄은 패딩 없는 {odd_type}로, 가장자리를 "
                         "깎아 {trim_in}을 {trim_out}로 만들고, 마지막 업샘플링이 {side}에 닿습니다."),
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
    "preset.s0-keras-conv": ("Lesson 1 · the shape puzzle: Keras conv, 2 poolings, 3 upsamplings",
                             "1강 · 모양 퍼즐: Keras 합성곱, 풀링 2번, 업샘플링 3번"),
    "preset.s1-uva-conv": ("Lesson 2 · PyTorch conv encoder and decoder (GELU, latent 256)",
                           "2강 · PyTorch 합성곱 인코더와 디코더 (GELU, 잠재 256)"),
    "preset.s2-mlp3": ("Lesson 3 · MLP 784-128-64-12-3 with a 3-D latent", "3강 · 3차원 잠재 공간의 MLP 784-128-64-12-3"),
    "preset.s3-dense": ("Lesson 4 · one Dense layer each way (latent 32)", "4강 · 양쪽에 Dense 한 층 (잠재 32)"),
    "preset.s4-stacked": ("Lesson 5 · stacked 784-300-150-300-784 (ELU)", "5강 · 적층 784-300-150-300-784 (ELU)"),
    "preset.empty-keras": ("Empty · Keras", "빈 스택 · Keras"),
    "builder.mine_edited": ("✎ My stack: {what}, edited", "✎ 내 스택: {what}을(를) 고친 것"),
    "builder.mine_pasted": ("✎ My stack: pasted code ({n} layers)", "✎ 내 스택: 붙여 넣은 코드 ({n}개 층)"),
    "builder.mine_link": ("✎ My stack: from a link ({n} layers)", "✎ 내 스택: 링크에서 받은 것 ({n}개 층)"),
    "builder.mine_empty": ("✎ My stack ({n} layers)", "✎ 내 스택 ({n}개 층)"),
    "builder.undo": ("Back to {what}", "{what}(으)로 돌아가기"),
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
    "data.missing": ("{name} is not on this machine (in {root}) and downloading is off. The offline sets need no "
                     "network: {offline}.",
                     "{name}이(가) 이 컴퓨터({root})에 없고 다운로드가 꺼져 있습니다. 오프라인 데이터셋은 네트워크 "
                     "없이 됩니다: {offline}."),
    "data.download_failed": ("{name} could not be downloaded: {reason} The offline sets need no network: {offline}.",
                             "{name}을(를) 내려받지 못했습니다: {reason} 오프라인 데이터셋은 네트워크가 필요 없습니다: "
                             "{offline}."),
    "data.why_offline": ("this machine cannot reach the internet (the download server's name could not be looked up).",
                         "이 컴퓨터가 인터넷에 연결되어 있지 않습니다 (내려받을 서버의 이름을 찾지 못했습니다)."),
    "data.why_refused": ("the download server refused the connection.", "내려받을 서버가 연결을 거부했습니다."),
    "data.why_timeout": ("the download server did not answer in time.", "내려받을 서버가 제때 응답하지 않았습니다."),
    "data.why_http": ("the download server answered with an error (HTTP {code}).",
                      "내려받을 서버가 오류로 응답했습니다 (HTTP {code})."),
    "data.why_checksum": ("the file arrived damaged (its checksum does not match); nothing was kept.",
                          "파일이 손상된 채 도착했습니다 (체크섬이 맞지 않음). 아무것도 저장하지 않았습니다."),
    "data.why_short": ("the download was cut off before the end; nothing was kept.",
                       "내려받기가 끝나기 전에 끊겼습니다. 아무것도 저장하지 않았습니다."),
    "data.why_other": ("the download failed (the server log has the details).",
                       "내려받기에 실패했습니다 (자세한 내용은 서버 로그에 있습니다)."),
    "data.broken": ("The files of {name} on this machine (in {root}) cannot be read; the server log says why. "
                    "Delete that folder to download them again.",
                    "이 컴퓨터({root})에 있는 {name} 파일을 읽을 수 없습니다. 이유는 서버 로그에 있습니다. 그 폴더를 "
                    "지우면 다시 내려받습니다."),
    "data.use_offline": ("Use {name} instead", "{name}(으)로 바꾸기"),
    "dataset_name.digits": ("Digits", "숫자"),
    "dataset_name.textures": ("Textures", "질감"),
    "dataset_name.ihc": ("Stained tissue", "염색 조직"),
    "dataset_name.faces": ("Faces", "얼굴"),
    "dataset_name.mnist": ("MNIST", "MNIST"),
    "dataset_name.fashion-mnist": ("Fashion-MNIST", "Fashion-MNIST"),
    "dataset_name.cifar10": ("CIFAR-10", "CIFAR-10"),

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
    "train.level_help": ("Gaussian: σ on pixels in [0, 1] (lesson 2 uses 0.2). Salt-and-pepper and masking: the "
                         "share of pixels hit.",
                         "가우시안: [0, 1] 픽셀에 더하는 σ (2강은 0.2). 소금-후추와 마스킹: 바뀌는 픽셀의 비율."),
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
    "train.phase_stopped": ("Stopped", "멈춤"),
    "train.stopped_early": ("Stopped before training began: nothing was trained or kept. Press Train to start again.",
                            "학습을 시작하기 전에 멈췄습니다: 학습하거나 저장한 것이 없습니다. 다시 학습 시작을 누르세요."),
    "train.stopped_at": ("Stopped in epoch {e} of {n}, after step {s} of {steps}: {done} epoch(s) complete. This model "
                         "is not finished and is **not kept** yet. Continue from exactly here (the result will be the "
                         "same as a run that never stopped), or keep it as it is now.",
                         "{n} 에폭 중 {e}번째 에폭, {steps}단계 중 {s}단계에서 멈췄습니다: 끝난 에폭은 {done}개입니다. "
                         "이 모델은 다 학습되지 않았고 아직 **저장되지 않았습니다**. 멈춘 자리에서 이어서 학습하거나 "
                         "(끝까지 멈추지 않은 학습과 같은 결과가 나옵니다), 지금 모습 그대로 저장하세요."),
    "train.continue": ("Continue training", "이어서 학습하기"),
    "train.keep": ("Keep it as it is", "지금 그대로 저장"),
    "train.keep_help": ("Keeps this model, stopped part-way, as a model of its own: the other pages can use it, and "
                        "its settings record where it stopped.",
                        "중간에 멈춘 이 모델을 따로 저장합니다: 다른 페이지에서 쓸 수 있고, 설정에 멈춘 위치가 "
                        "기록됩니다."),
    "train.kept_partial": ("Kept as it was when stopped, after {steps} steps: not fully trained. The other pages can "
                           "use it.",
                           "멈췄을 때 그대로, {steps}단계 학습한 모델을 저장했습니다: 끝까지 학습하지는 않았습니다. "
                           "다른 페이지에서 쓸 수 있습니다."),
    "train.note_from_builder": ("Your stack from the Layer Builder ({n} layers) is the model here. Choose the images and "
                                "settings, then press Train.",
                                "레이어 빌더에서 만든 스택({n}개 층)이 여기의 모델입니다. 이미지와 설정을 고른 뒤 학습 "
                                "시작을 누르세요."),
    "train.note_doctor": ("The suggested settings are in the form now: press Train to try them.",
                          "제안한 설정을 양식에 넣었습니다: 학습 시작을 눌러 해 보세요."),
    "train.custom_is": ("My stack: {n} layers, {dialect}, input ({shape}). Change it in the Layer Builder.",
                        "내 스택: {n}개 층, {dialect}, 입력 ({shape}). 레이어 빌더에서 바꿀 수 있습니다."),
    "train.last_run": ("Below: your last run ({what}). The settings above differ: press Train to run them.",
                       "아래는 마지막 학습({what})입니다. 위의 설정은 이와 다릅니다: 학습 시작을 누르면 그 설정으로 "
                       "학습합니다."),
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

    # ---- uploads ----------------------------------------------------------------------------------------
    "upload.empty": ("The file is empty.", "파일이 비어 있습니다."),
    "upload.too_big": ("The file is larger than {mb} MB: one picture is enough.", "파일이 {mb} MB보다 큽니다: 사진 한 장이면 됩니다."),
    "upload.format": ("{fmt} files are not taken here; use {ok}.", "{fmt} 파일은 받지 않습니다. {ok} 중 하나를 쓰세요."),
    "upload.pixels": ("The image is {w}×{h} pixels, more than {mp} megapixels: make it smaller first.",
                      "이미지가 {w}×{h} 픽셀로 {mp}메가픽셀보다 큽니다: 먼저 줄여 주세요."),
    "upload.not_image": ("This file is not an image that can be read; use {ok}.",
                         "읽을 수 있는 이미지 파일이 아닙니다. {ok} 중 하나를 쓰세요."),
    "upload.broken": ("The image is damaged or cut short ({reason}); try saving it again.",
                      "이미지가 손상되었거나 잘렸습니다 ({reason}). 다시 저장해 보세요."),
    "upload.first_frame": ("An animation of {n} frames: the first frame is used.", "{n}프레임 애니메이션: 첫 프레임을 씁니다."),
    "upload.rescaled": ("A {mode} image: its values were stretched to 0–255.", "{mode} 이미지: 값을 0–255로 늘렸습니다."),
    "upload.transparent": ("Transparent parts were put on white.", "투명한 부분은 흰 바탕에 놓았습니다."),
    "upload.inverted": ("Dark strokes on a light background were inverted to match the training images.",
                        "밝은 바탕의 어두운 획을 학습 이미지처럼 뒤집었습니다."),

    # ---- pages that use a trained model -------------------------------------------------------------------
    "use.model": ("Model", "모델"),
    "use.trained": ("The model I trained: {what}", "내가 학습한 모델: {what}"),
    "use.describe": ("{model} on {data}, {epochs} epochs{noise}", "{data}에서 {model}, {epochs} 에폭{noise}"),
    "use.stopped_at": ("stopped after {steps} steps", "{steps}단계에서 멈춤"),
    "use.smaller": ("On this CPU the model is made smaller so it trains in seconds: {ours} (the lesson: {lesson}).",
                    "이 CPU에서는 몇 초 안에 학습하도록 모델을 줄였습니다: {ours} (수업: {lesson})."),
    "use.need_title": ("This page needs a trained model", "이 페이지에는 학습된 모델이 필요합니다"),
    "use.state_ready": ("✓ ready", "✓ 준비됨"),
    "use.state_training": ("⏳ training now", "⏳ 학습 중"),
    "use.state_missing": ("○ not trained yet", "○ 아직 학습 안 됨"),
    "use.train_missing": ("Train what is missing", "없는 모델 학습하기"),

    "viz.psnr_title": ("Picture quality against {noise} level (higher is better)", "{noise} 세기에 따른 화질 (높을수록 좋음)"),
    "viz.noise_level": ("noise level", "노이즈 세기"),
    "viz.selected": ("selected", "선택"),
    "viz.error_title": ("Per-pixel error (MSE {mse})", "픽셀별 오차 (MSE {mse})"),

    "upload.label": ("Your own image (PNG, JPEG, GIF, BMP, WebP or TIFF, up to {mb} MB)",
                     "내 이미지 (PNG, JPEG, GIF, BMP, WebP, TIFF, 최대 {mb} MB)"),
    "upload.help": ("It is checked, cropped to a square and resized to what the model takes. Nothing is kept.",
                    "검사한 뒤 정사각형으로 자르고 모델 입력 크기로 줄입니다. 저장하지 않습니다."),
    "upload.refused": ("{name} was not used.", "{name}은(는) 쓰지 않았습니다."),
    "upload.read": ("{name}: read as {c} channel(s), {h}×{w}.", "{name}: 채널 {c}개, {h}×{w}로 읽음."),

    # ---- Denoise ---------------------------------------------------------------------------------------
    "nav.denoise": ("Denoise", "노이즈 제거"),
    "denoise.title": ("🧽 Denoise", "🧽 노이즈 제거"),
    "denoise.intro": ("Two autoencoders of the same shape: one trained on clean images, one trained to rebuild "
                      "clean images from noisy ones (a denoising autoencoder, lesson 2). Give both the same "
                      "noisy images and compare.",
                      "모양이 같은 오토인코더 두 개: 하나는 깨끗한 이미지로, 하나는 노이즈 낀 이미지에서 깨끗한 이미지를 "
                      "되살리도록 학습했습니다 (노이즈 제거 오토인코더, 2강). 같은 노이즈 이미지를 넣어 비교해 보세요."),
    "denoise.train_noise": ("Noise while training", "학습 때 노이즈"),
    "denoise.train_level": ("Training noise level", "학습 노이즈 세기"),
    "denoise.test_noise": ("Noise now", "지금 넣을 노이즈"),
    "denoise.test_level": ("Noise level now", "지금 노이즈 세기"),
    "denoise.plain": ("Plain autoencoder", "일반 오토인코더"),
    "denoise.dae": ("Denoising autoencoder", "노이즈 제거 오토인코더"),
    "denoise.side_by_side": ("Side by side", "나란히 보기"),
    "denoise.other_images": ("Other images", "다른 이미지"),
    "denoise.row_clean": ("Clean", "깨끗한 원본"),
    "denoise.row_noisy": ("Noisy input", "노이즈 입력"),
    "denoise.row_plain": ("Plain autoencoder", "일반 오토인코더"),
    "denoise.row_dae": ("Denoising autoencoder", "노이즈 제거 오토인코더"),
    "denoise.metric_noisy": ("Noisy input · mean PSNR", "노이즈 입력 · 평균 PSNR"),
    "denoise.metric_plain": ("Plain autoencoder", "일반 오토인코더"),
    "denoise.metric_dae": ("Denoising autoencoder", "노이즈 제거 오토인코더"),
    "denoise.table": ("PSNR and SSIM of each image", "이미지별 PSNR과 SSIM"),
    "denoise.col_noisy_psnr": ("noisy PSNR", "노이즈 PSNR"),
    "denoise.col_plain_psnr": ("plain PSNR", "일반 PSNR"),
    "denoise.col_dae_psnr": ("denoising PSNR", "노이즈 제거 PSNR"),
    "denoise.col_noisy_ssim": ("noisy SSIM", "노이즈 SSIM"),
    "denoise.col_plain_ssim": ("plain SSIM", "일반 SSIM"),
    "denoise.col_dae_ssim": ("denoising SSIM", "노이즈 제거 SSIM"),
    "denoise.curve_title": ("As the noise grows", "노이즈가 커질수록"),
    "denoise.curve_caption": ("Mean over 64 test images. The denoising model was trained with {trained}; PSNR "
                              "compares each picture with the clean original.",
                              "테스트 이미지 64장의 평균. 노이즈 제거 모델은 {trained}로 학습했습니다. PSNR은 각 그림을 "
                              "깨끗한 원본과 비교합니다."),
    "denoise.upload_title": ("Your own image", "내 이미지"),

    # ---- Latent space ---------------------------------------------------------------------------------------
    "nav.latent": ("Latent space", "잠재 공간"),
    "latent.title": ("🌌 Latent space", "🌌 잠재 공간"),
    "latent.intro": ("Each test image becomes a point: its code, the numbers at the bottleneck. Images the model "
                     "finds alike land close together, even though it never saw a label (lesson 3 plots a 3-D "
                     "code of Fashion-MNIST).",
                     "테스트 이미지 하나가 점 하나가 됩니다: 병목에 있는 숫자들, 즉 코드입니다. 모델은 레이블을 본 적이 "
                     "없는데도 비슷한 이미지는 가까이 모입니다 (3강은 Fashion-MNIST의 3차원 코드를 그립니다)."),
    "latent.model": ("The model whose codes are shown", "코드를 보여 줄 모델"),
    "latent.shape": ("{n} test images; the code of each has {d} numbers (the bottleneck's shape {shape}).",
                     "테스트 이미지 {n}장; 각 코드는 숫자 {d}개입니다 (병목 모양 {shape})."),
    "latent.method": ("Squeeze the code into a picture with", "코드를 그림으로 줄이는 방법"),
    "latent.method_pca": ("PCA (fast, linear)", "PCA (빠름, 선형)"),
    "latent.method_tsne": ("t-SNE (slower, keeps neighbours)", "t-SNE (느림, 이웃을 보존)"),
    "latent.view": ("View", "보기"),
    "latent.projecting": ("Projecting the codes…", "코드를 투영하는 중…"),
    "latent.pca_variance": ("The {k} principal directions keep {pct}% of the codes' variance ({d} numbers each).",
                            "주성분 {k}개가 코드 분산의 {pct}%를 담습니다 (코드마다 숫자 {d}개)."),
    "latent.tsne_note": ("t-SNE on the first {n} points; distances between far clusters mean little.",
                         "앞의 {n}개 점에 대한 t-SNE입니다. 멀리 떨어진 무리 사이의 거리는 큰 의미가 없습니다."),
    "latent.one_point": ("One point", "점 하나"),
    "latent.index": ("Image number (0–{n})", "이미지 번호 (0–{n})"),
    "latent.index_help": ("Or click a point in the plot.", "또는 그림에서 점을 클릭하세요."),
    "latent.index_help_3d": ("Hover over a point in the 3-D plot to see its number.",
                             "3차원 그림에서 점 위에 마우스를 올리면 번호가 보입니다."),
    "latent.random": ("Random", "무작위"),
    "latent.original": ("original · {cls}", "원본 · {cls}"),
    "latent.reconstruction": ("reconstruction", "복원"),
    "latent.walk": ("Walk from one image to another", "한 이미지에서 다른 이미지로 걷기"),
    "latent.walk_intro": ("Take the two codes, mix them in steps (1 − t)·a + t·b, and let the decoder draw each "
                          "mix. Below each drawing: the real test image whose code is closest.",
                          "두 코드를 (1 − t)·a + t·b로 조금씩 섞어 디코더가 그리게 합니다. 각 그림 아래는 코드가 가장 "
                          "가까운 실제 테스트 이미지입니다."),
    "latent.from": ("From image", "시작 이미지"),
    "latent.to": ("To image", "끝 이미지"),
    "latent.steps": ("Steps", "단계"),
    "latent.decoded": ("What the decoder draws along the way", "가는 길에 디코더가 그린 것"),
    "latent.nearest": ("The nearest real image at each step", "단계마다 가장 가까운 실제 이미지"),

    # ---- Similar images ----------------------------------------------------------------------------------
    "nav.similar": ("Similar images", "비슷한 이미지"),
    "similar.title": ("🔎 Similar images", "🔎 비슷한 이미지"),
    "similar.intro": ("The encoder turns every image into a code; images whose codes are close look alike. Search "
                      "by code: the k nearest and, for contrast, the k farthest (lesson 2, on CIFAR-10 and "
                      "PathMNIST).",
                      "인코더는 이미지마다 코드를 만듭니다. 코드가 가까운 이미지는 서로 닮았습니다. 코드로 찾아봅니다: "
                      "가장 가까운 k개와, 비교를 위해 가장 먼 k개 (2강, CIFAR-10과 PathMNIST)."),
    "similar.model": ("The encoder that makes the codes", "코드를 만드는 인코더"),
    "similar.keys": ("Search among", "찾을 곳"),
    "similar.split_test": ("test images", "테스트 이미지"),
    "similar.split_train": ("training images", "학습 이미지"),
    "similar.metric": ("Distance", "거리"),
    "similar.metric_euclidean": ("Euclidean", "유클리드"),
    "similar.metric_cosine": ("cosine", "코사인"),
    "similar.k": ("How many (k)", "개수 (k)"),
    "similar.query": ("Query", "찾을 이미지"),
    "similar.source_test": ("a test image", "테스트 이미지"),
    "similar.source_upload": ("my own image", "내 이미지"),
    "similar.index": ("Test image number (0–{n})", "테스트 이미지 번호 (0–{n})"),
    "similar.query_caption": ("#{i} · {cls}", "#{i} · {cls}"),
    "similar.your_image": ("your image", "내 이미지"),
    "similar.upload_first": ("Upload an image to search with it.", "이미지를 올리면 그 이미지로 찾습니다."),
    "similar.the_query": ("Query", "찾을 이미지"),
    "similar.nearest": ("The {k} nearest codes", "코드가 가장 가까운 {k}개"),
    "similar.farthest": ("The {k} farthest codes", "코드가 가장 먼 {k}개"),
    "similar.explain": ("{metric} distance between codes of {d} numbers, over {n} {split}; equal distances are "
                        "ordered by image number.",
                        "숫자 {d}개짜리 코드 사이의 {metric} 거리, {split} {n}장 중에서; 거리가 같으면 이미지 번호 순서입니다."),
    "similar.same_class": ("{same} of the {k} nearest share the query's label, which the encoder never saw.",
                           "가장 가까운 {k}개 중 {same}개가 찾는 이미지와 레이블이 같습니다. 인코더는 레이블을 본 적이 없습니다."),

    # ---- links a teacher can share ----------------------------------------------------------------------------
    "link.button": ("Copy a link to this", "이 화면의 링크 복사"),
    "link.intro": ("This link opens this page with the same model, data and settings, in a fresh browser too.",
                   "이 링크를 열면 새 브라우저에서도 같은 모델, 데이터, 설정으로 이 페이지가 열립니다."),
    "link.hide": ("Hide in the linked view", "링크로 열 때 숨길 것"),
    "link.hide_help": ("For a class: the students who open the link do not see these controls.",
                       "수업용: 링크를 연 학생에게는 이 조작 부분이 보이지 않습니다."),
    "link.how": ("Copy it with the icon at the top right of the box. The address bar always holds the same link.",
                 "상자 오른쪽 위의 아이콘으로 복사하세요. 주소 창에도 늘 같은 링크가 있습니다."),
    "link.notice": ("This link asked for something that was not used: {what}", "이 링크의 내용 중 쓰지 않은 것이 있습니다: {what}"),
    "link.too_many": ("it has {n} settings; only the first {max} were read.", "설정이 {n}개여서 앞의 {max}개만 읽었습니다."),
    "link.too_long": ("the value of '{name}' is too long.", "'{name}'의 값이 너무 깁니다."),
    "link.bad_choice": ("'{name}' cannot be '{value}' (it can be {options}).",
                        "'{name}'은(는) '{value}'일 수 없습니다 (가능한 값: {options})."),
    "link.bad_hide": ("there is nothing called {names} to hide here (these can be hidden: {options}).",
                      "여기에는 숨길 수 있는 {names}이(가) 없습니다 (숨길 수 있는 것: {options})."),
    "link.bad_stack_too_long": ("its model is too large to come from a link; the Builder keeps its own.",
                                "링크에 담긴 모델이 너무 큽니다. 빌더는 원래 모델을 그대로 둡니다."),
    "link.bad_stack_unreadable": ("its model could not be read (the link may have been cut or changed); the Builder "
                                  "keeps its own.",
                                  "링크에 담긴 모델을 읽을 수 없습니다 (링크가 잘렸거나 바뀌었을 수 있습니다). 빌더는 원래 "
                                  "모델을 그대로 둡니다."),
    "link.bad_stack_not_a_stack": ("its model is not a list of layers the Builder can show; the Builder keeps its own.",
                                   "링크에 담긴 모델이 빌더가 보여 줄 수 있는 층의 목록이 아닙니다. 빌더는 원래 모델을 "
                                   "그대로 둡니다."),
    "link.bad_stack_unknown_layer": ("its model has a layer type the Builder does not know; the Builder keeps its own.",
                                     "링크에 담긴 모델에 빌더가 모르는 층이 있습니다. 빌더는 원래 모델을 그대로 둡니다."),
    "link.bad_input": ("the input shape '{value}' is not a shape; the model's usual input is used.",
                       "입력 모양 '{value}'은(는) 모양이 아닙니다. 모델의 기본 입력을 씁니다."),
    "link.nearest": ("{name} = {value} is not offered; the nearest, {used}, is used.",
                     "{name} = {value}은(는) 고를 수 없는 값이라 가장 가까운 {used}을(를) 씁니다."),
    "link.clamped": ("{name} = {value} is out of range; {used} is used.", "{name} = {value}은(는) 범위 밖이라 {used}을(를) 씁니다."),
    "link.bad_value": ("'{value}' is not a value for {name}.", "'{value}'은(는) {name}의 값이 될 수 없습니다."),
    "hide.presets": ("the Start-from box", "시작 모델 상자"),
    "hide.input": ("the input shape", "입력 모양"),
    "hide.paste": ("pasting code", "코드 붙여 넣기"),
    "hide.torch": ("the PyTorch view", "PyTorch로 보기"),
    "hide.quiz": ("Predict the shape", "모양 맞히기"),
    "hide.editor": ("the layer editors", "층 편집"),
    "hide.link": ("this link button", "이 링크 버튼"),
    "hide.dataset": ("the choice of images", "이미지 고르기"),
    "hide.model": ("the choice of model", "모델 고르기"),
    "hide.settings": ("epochs, batch, learning rate, loss", "에폭, 배치, 학습률, 손실 함수"),
    "hide.denoise": ("denoising and sparsity", "노이즈 제거와 희소성"),
    "hide.advanced": ("more settings (seed, image cap, sizes)", "설정 더 보기 (시드, 이미지 수, 크기)"),
    "hide.upload": ("uploading an image", "이미지 올리기"),

    # ---- the training doctor ------------------------------------------------------------------------------------
    "doctor.title_collapsed": ("The training doctor: this model did not learn the images", "학습 진단: 이 모델은 이미지를 배우지 못했습니다"),
    "doctor.title_weak": ("The training doctor: this model has barely started to learn", "학습 진단: 이 모델은 이제 막 배우기 시작했습니다"),
    "doctor.explain_collapsed": ("Its reconstructions are nearly the same picture whatever the input (they vary "
                                 "{spread}% as much as the images do), and its error, {error}, is no better than "
                                 "always answering the average training image ({baseline}). It learned the average, "
                                 "not the images: the model *collapsed*.",
                                 "입력이 무엇이든 복원이 거의 같은 그림입니다 (이미지끼리 다른 정도의 {spread}%만 "
                                 "다릅니다). 오차 {error}도 늘 학습 이미지의 평균을 답할 때({baseline})보다 낫지 "
                                 "않습니다. 이미지가 아니라 평균을 배운 것으로, 모델이 *붕괴*했습니다."),
    "doctor.explain_weak": ("Its error, {error}, is {ratio} of what always answering the average training image "
                            "gives ({baseline}): better than the average, but the reconstructions are still blurry.",
                            "오차 {error}는 늘 학습 이미지의 평균을 답할 때({baseline})의 {ratio}배입니다: 평균보다는 "
                            "낫지만 복원은 아직 흐릿합니다."),
    "doctor.causes": ("What usually causes it here, most likely first:", "이런 경우 흔한 원인 (가능성 높은 순서):"),
    "doctor.stopped": ("It was stopped after {steps} steps, before the end.", "끝나기 전에 {steps}단계에서 멈췄습니다."),
    "doctor.few_steps": ("Too few steps: {epochs} epoch(s) × {per} batches of {batch} images = **{steps} updates** "
                         "of the weights. A model like this usually needs several hundred. More epochs or a smaller "
                         "batch give more updates.",
                         "단계가 너무 적습니다: {epochs} 에폭 × 배치 {per}개 (배치당 {batch}장) = 가중치 **{steps}번** "
                         "갱신. 이런 모델은 보통 수백 번이 필요합니다. 에폭을 늘리거나 배치를 줄이면 갱신 횟수가 "
                         "늘어납니다."),
    "doctor.low_lr": ("The learning rate {lr} is small: each update moves the weights very little.",
                      "학습률 {lr}이 작습니다: 한 번 갱신할 때 가중치가 아주 조금만 움직입니다."),
    "doctor.high_lr": ("The learning rate {lr} is large and the loss did not fall: the updates may overshoot.",
                       "학습률 {lr}이 크고 손실이 줄지 않았습니다: 갱신이 너무 멀리 튀는 것일 수 있습니다."),
    "doctor.diverged": ("The loss became infinite or not a number: the learning rate {lr} is too large.",
                        "손실이 무한대이거나 숫자가 아니게 되었습니다: 학습률 {lr}이 너무 큽니다."),
    "doctor.dead": ("{pct}% of the code's units are 0 for every image (dead ReLUs): nothing flows through them. A "
                    "smaller learning rate, or 'same' padding that keeps the border, often helps.",
                    "코드 단위의 {pct}%가 모든 이미지에서 0입니다 (죽은 ReLU): 그 단위로는 아무것도 흐르지 않습니다. "
                    "학습률을 줄이거나 가장자리를 지키는 'same' 패딩이 도움이 되곤 합니다."),
    "doctor.noise": ("The input noise {level} hides most of each image: there is little left to rebuild from.",
                     "입력 노이즈 {level}이 이미지 대부분을 가립니다: 복원할 단서가 거의 없습니다."),
    "doctor.sparsity": ("The sparsity weight {w} is large: the penalty pushes the whole code to zero.",
                        "희소성 가중치 {w}가 큽니다: 벌점이 코드 전체를 0으로 밀어냅니다."),
    "doctor.tiny_code": ("The code has only {n} number(s): very little can pass the bottleneck.",
                         "코드가 숫자 {n}개뿐입니다: 병목을 지날 수 있는 정보가 아주 적습니다."),
    "doctor.flat": ("The training loss hardly moved ({first} → {last}).", "학습 손실이 거의 변하지 않았습니다 ({first} → {last})."),
    "doctor.longer": ("It may simply need longer.", "그냥 더 오래 학습해야 할 수도 있습니다."),
    "doctor.apply": ("Try: {what}", "이렇게 해 보기: {what}"),
    "doctor.setting_epochs": ("epochs", "에폭"),
    "doctor.setting_batch_size": ("batch", "배치"),
    "doctor.setting_lr": ("learning rate", "학습률"),
    "doctor.setting_noise_level": ("noise level", "노이즈 세기"),
    "doctor.setting_sparsity": ("sparsity", "희소성"),
}
